import Deploy
import SeekCore
import Sizing
import Testing

@Suite struct RecommenderTests {
    let recommender = Recommender(specs: DeployFixtures.specs)
    let offerings = DeployFixtures.offerings

    @Test func everyOptionFitsAndTheyAreCheapestFirst() throws {
        var request = try DeployFixtures.request("Qwen/Qwen3-Coder-480B-A35B-Instruct")
        request.concurrency = 2
        let options = recommender.options(request, offerings: offerings)
        #expect(options.count > 3)
        for option in options {
            #expect(option.serving.fits)
            #expect(option.serving.capacity.maxConcurrency >= 2)
            #expect(option.serving.marginGiB >= 0)
            #expect(96 % option.serving.request.tensorParallel == 0, "TP must divide the 96 attention heads")
            #expect(option.serving.request.tensorParallel * option.serving.request.pipelineParallel == option.gpuCount)
            #expect(option.nodes == 1 || option.offering.interconnect == "nvlink")
        }
        #expect(options.map(\.pricePerHour) == options.map(\.pricePerHour).sorted())
    }

    @Test func maxPriceAndProvidersNarrowTheList() throws {
        let request = try DeployFixtures.request("Qwen/Qwen3-8B")
        let all = recommender.options(request, offerings: offerings)
        var cheap = request
        cheap.maxPricePerHour = 1
        let underOne = recommender.options(cheap, offerings: offerings)
        #expect(!underOne.isEmpty && underOne.count < all.count)
        #expect(underOne.allSatisfy { $0.pricePerHour <= 1 })
        var aws = request
        aws.providers = ["aws"]
        let onAWS = recommender.options(aws, offerings: offerings)
        #expect(!onAWS.isEmpty && onAWS.count < all.count)
        #expect(onAWS.allSatisfy { $0.offering.provider == "aws" && $0.providers == ["aws"] })
    }

    @Test func nothingFitsGivesNoOptionAndTheFiguresForTheMessage() throws {
        var request = try DeployFixtures.request("moonshotai/Kimi-K2.5")
        request.gpu = ("L4", nil)
        #expect(recommender.options(request, offerings: offerings).isEmpty)
        let largest = try #require(recommender.largestOffer(request, offerings: offerings))
        #expect(largest.gpuName == "L4" && largest.gpuCount == 8)
        let needed = recommender.neededGiB(request, gpus: 8, memoryGiB: 23.58, gpuName: "L4")
        #expect(needed > 23.58 * 0.9)
    }

    @Test func fp8RunsOnlyOnFP8GPUsAndOnlyFrom16BitCheckpoints() throws {
        var request = try DeployFixtures.request("Qwen/Qwen3-8B")
        request.precisions = ServingQuantization.allCases
        let options = recommender.options(request, offerings: offerings)
        let fp8 = options.filter { $0.precision == .fp8 }
        #expect(!fp8.isEmpty)
        #expect(fp8.allSatisfy { ["Ada Lovelace", "Hopper", "Blackwell"].contains($0.architecture ?? "") })
        #expect(options.contains { $0.precision == .int4 && $0.architecture == "Ampere" })
        // FP8 weights are half the 16-bit ones on the same GPU; int4 about a quarter.
        let h100 = options.filter { $0.gpuName == "H100" && $0.gpusPerNode == 1 }
        let weights = Dictionary(h100.map { ($0.precision, $0.serving.plan.weightsGiB) }, uniquingKeysWith: { a, _ in a })
        let checkpoint = try #require(weights[.checkpoint]), eight = try #require(weights[.fp8]), four = try #require(weights[.int4])
        #expect(eight < checkpoint * 0.62 && eight > checkpoint * 0.5)
        #expect(four < checkpoint * 0.4 && four > checkpoint * 0.25)

        var quantized = try DeployFixtures.request("moonshotai/Kimi-K2.5")
        quantized.precisions = ServingQuantization.allCases
        #expect(recommender.options(quantized, offerings: offerings).allSatisfy { $0.precision == .checkpoint })
    }

    @Test func theSpecCarriesTheFlagsTheSizingAsked() throws {
        var request = try DeployFixtures.request("Qwen/Qwen3-8B")
        request.precisions = [.fp8]
        request.kvCacheDType = .fp8
        let option = try #require(recommender.options(request, offerings: offerings).first)
        let spec = DeploySpec(option: option, request: request, table: DeployFixtures.table)
        let arguments = VLLMCommand(spec: spec).arguments
        #expect(arguments.contains("--quantization") && arguments.contains("fp8"))
        #expect(Array(arguments.drop { $0 != "--kv-cache-dtype" }.prefix(2)) == ["--kv-cache-dtype", "fp8"])
        #expect(Array(arguments.drop { $0 != "--max-model-len" }.prefix(2)) == ["--max-model-len", "40960"])
        #expect(spec.maxNumSeqs == option.maxNumSeqs && option.maxNumSeqs >= 1)
        #expect(spec.providers.first == option.offering.provider && spec.offering?.provider == option.offering.provider)
    }
}
