import Deploy
import Testing

@Suite struct RepoAnalyzerTests {
    static func repo(_ files: [String: String]) -> RepoFiles {
        RepoFiles(files: files.map { RepoFiles.File(path: $0.key, text: $0.value) })
    }

    @Test func aTrlPeftRepositoryLaunchedWithTorchrunIsTraining() {
        let analysis = RepoAnalyzer.analyze(Self.repo([
            "requirements.txt": "torch>=2.3\ntransformers==4.46.0  # pinned\ntrl\npeft[all]\nbitsandbytes\n-r dev.txt\n",
            "src/finetune.py": "from peft import LoraConfig\nmodel = AutoModelForCausalLM.from_pretrained(\"meta-llama/Llama-3.1-8B\")\n",
            "scripts/run.sh": "#!/bin/bash\ntorchrun --nproc_per_node=4 src/finetune.py --epochs 3\n",
        ]))
        #expect(analysis.packages == ["torch", "transformers", "trl", "peft", "bitsandbytes"])
        #expect(analysis.workload == .training)
        #expect(analysis.workloadReason.file == "src/finetune.py")
        #expect(analysis.models.map(\.repo) == ["meta-llama/Llama-3.1-8B"])
        #expect(analysis.models.first?.finding.line == 2)
        #expect(analysis.gpuCount?.count == 4)
        #expect(analysis.gpuCount?.finding.description == "scripts/run.sh:2: torchrun --nproc_per_node 4 → 4 GPUs")
        #expect(analysis.launchCommand?.command == "torchrun --nproc_per_node=4 src/finetune.py --epochs 3")
        #expect(analysis.trainingMethod == .qlora)
    }

    @Test func aVLLMRepositoryIsInferenceWithItsModel() {
        let analysis = RepoAnalyzer.analyze(Self.repo([
            "pyproject.toml": "[project]\nname = \"svc\"\ndependencies = [\n  \"vllm>=0.11\",\n  \"fastapi\",\n]\n"
                + "[project.optional-dependencies]\ndev = [\"pytest\"]\n[tool.ruff]\nline-length = 120\n",
            "launch.sh": "vllm serve Qwen/Qwen3-8B --tensor-parallel-size 2\n",
            "app/main.py": "from vllm import LLM\nllm = LLM(model=\"Qwen/Qwen3-8B\")\n",
        ]))
        #expect(analysis.packages == ["vllm", "fastapi", "pytest"])
        #expect(analysis.workload == .inference)
        #expect(analysis.workloadReason.what == "package vllm → inference")
        #expect(analysis.models.map(\.repo) == ["Qwen/Qwen3-8B"])
        #expect(analysis.gpuCount == nil && analysis.trainingMethod == .full)
    }

    @Test func aDockerfileGivesTheImageAndItsPipPackages() {
        let analysis = RepoAnalyzer.analyze(Self.repo([
            "Dockerfile": "FROM --platform=linux/amd64 nvidia/cuda:12.4.1-devel-ubuntu22.04\n"
                + "RUN pip install --no-cache-dir accelerate==1.0 datasets && rm -rf /root/.cache\n",
            "setup.py": "setup(name='x', install_requires=['numpy>=1.26', \"einops\"])\n",
        ]))
        #expect(analysis.baseImage?.image == "nvidia/cuda:12.4.1-devel-ubuntu22.04")
        #expect(analysis.baseImage?.finding.line == 1)
        #expect(analysis.packages == ["numpy", "einops", "accelerate", "datasets"])
        #expect(analysis.workload == .training, "accelerate is a training package")
    }

    @Test func withoutManifestsTheImportsLessTheStandardLibraryAndOwnModulesCount() {
        let analysis = RepoAnalyzer.analyze(Self.repo([
            "main.py": "import os, sys\nimport json\nfrom helpers import tool\nimport torch\nfrom sklearn.metrics import f1_score\n",
            "helpers.py": "import re\n",
        ]))
        #expect(analysis.packages == ["torch", "scikit-learn"])
        #expect(analysis.packageSources.first?.file == "*.py imports")
        #expect(analysis.workload == .interactive)
    }

    @Test func aSizeInTheFilesIsOnlyAFallback() {
        let named = RepoAnalyzer.analyze(Self.repo(["README.md": "We fine-tune a 70B model.\n", "train.py": "pass\n"]))
        #expect(named.sizeHint?.billions == 70)
        let withModel = RepoAnalyzer.analyze(Self.repo([
            "train.py": "m = AutoModel.from_pretrained('Qwen/Qwen3-8B')  # 8b\n",
        ]))
        #expect(withModel.sizeHint == nil && withModel.models.count == 1)
    }

    @Test func theLLMAnswerMustPassTheGuardrails() {
        func body(_ content: String) -> [UInt8] {
            let escaped = content.replacingOccurrences(of: "\"", with: "\\\"")
            return Array("{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": \"\(escaped)\"}}]}".utf8)
        }
        let known: (String) -> String? = { ["H100", "L4"].contains($0) ? $0 : nil }
        let ok = LLMOverride.answer(body("{\"workload_type\": \"training\", \"vram_required_gb\": 3, \"gpu_type\": \"H100\", \"reasoning\": \"LoRA\"}"),
                                    gpuName: known)
        #expect((try? ok.get())?.vramGB == 8, "VRAM is floored at 8 GB")
        #expect((try? ok.get())?.workload == .training)
        let unknown = LLMOverride.answer(body("{\"workload_type\": \"training\", \"vram_required_gb\": 40, \"gpu_type\": \"TPUv5\"}"),
                                         gpuName: known)
        #expect(throws: LLMOverride.Rejection("GPU type 'TPUv5' is not in the catalog")) { try unknown.get() }
        let badWorkload = LLMOverride.answer(body("{\"workload_type\": \"gaming\", \"vram_required_gb\": 40, \"gpu_type\": \"L4\"}"),
                                             gpuName: known)
        #expect((try? badWorkload.get()) == nil)
        #expect((try? LLMOverride.answer(Array("not json".utf8), gpuName: known).get()) == nil)
    }

    @Test func theLLMRequestAsksForJSONAndCarriesTheManifests() throws {
        let body = String(decoding: LLMOverride.requestBody(model: "m", repo: Self.repo(["requirements.txt": "trl\n"]),
                                                            gpuNames: ["H100", "L4"]), as: UTF8.self)
        #expect(body.contains("\"response_format\": {\n    \"type\": \"json_object\""))
        #expect(body.contains("requirements.txt") && body.contains("trl") && body.contains("H100, L4"))
    }
}
