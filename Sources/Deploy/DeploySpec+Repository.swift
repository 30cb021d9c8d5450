extension DeploySpec {
    /// The spec of a repository's setup chosen by memory: the repository synced as the work directory, its packages
    /// installed (its requirements file, else its project, else the packages found), its launch command run, its
    /// Dockerfile's base image.
    ///
    /// - Parameters:
    ///   - fit: The setup.
    ///   - workload: The workload; an inference workload without a model id to serve becomes interactive.
    ///   - model: The Hugging Face repository the code loads, if any.
    ///   - analysis: What the repository's files say; nil for a committed spec.
    ///   - table: `serving.yaml`.
    public init(fit: Recommender.MemoryFit, workload: Workload, model: String?, analysis: RepoAnalysis?, table: ServingTable) {
        let names = table.accelerator(gpuName: fit.offering.gpuName, vramGB: fit.offering.vramGB)
        let served = workload == .inference && model == nil ? Workload.interactive : workload
        self.init(model: model, workload: served, accelerator: names.skypilot, acceleratorCount: fit.offering.gpuCount)
        vramPerGPUGB = fit.offering.vramGB
        vramNeededPerGPUGB = fit.neededGBPerGPU
        if served == .inference {
            engineVersion = table.vllmVersion
            ports = [8000]
            servingArgs = model.flatMap(table.modelRow)?.arguments ?? []
        }
        baseImage = analysis?.baseImage?.image
        workdir = "."
        setup = analysis.map(Self.installCommands) ?? []
        if served == .training, let command = analysis?.launchCommand?.command { run = [command] }
        secrets = ["HF_TOKEN"]
        offering = Offering(provider: fit.offering.provider, instance: fit.offering.instanceName, region: fit.offering.location,
                            pricePerHour: fit.offering.pricePerHour)
        providers = fit.providers
    }

    /// How a repository's packages are installed: `pip install -r` its first requirements file, else `pip install -e .`
    /// for a project (`pyproject.toml`, `setup.py`), else the packages found.
    static func installCommands(_ analysis: RepoAnalysis) -> [String] {
        let files = analysis.packageSources.map(\.file)
        if let requirements = files.first(where: { $0.split(separator: "/").last?.hasPrefix("requirements") == true }) {
            return ["pip install -r \(ShellWords.quote(requirements))"]
        }
        if files.contains(where: { $0.hasSuffix("pyproject.toml") || $0.hasSuffix("setup.py") }) { return ["pip install -e ."] }
        return analysis.packages.isEmpty ? [] : ["pip install " + ShellWords.join(analysis.packages)]
    }
}
