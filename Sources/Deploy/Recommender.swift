import SeekCore
import Sizing

/// Every priced GPU setup that serves one model as vLLM would start it, cheapest first: the pure half of
/// `seekgpu recommend`. Each setup is sized with ``VLLMServing``, the code behind `seekgpu size`.
public struct Recommender: Sendable {
    /// The model and the serving targets.
    public struct Request: Sendable {
        /// The Hugging Face repository id.
        public var model: String
        /// What vLLM loads and the model's dimensions.
        public var checkpoint: ServingCheckpoint
        /// Each layer's attention and the model dtype.
        public var architecture: KVArchitecture
        /// `num_attention_heads`: TP must divide it; nil = unchecked.
        public var attentionHeads: Int?
        /// Tokens per request (`--max-model-len`), already capped at the model's maximum.
        public var context: Int
        /// Requests of ``context`` tokens the KV cache must hold at once.
        public var concurrency = 1
        /// `--kv-cache-dtype`.
        public var kvCacheDType = VLLMSettings.KVCacheDType.auto
        /// Weight formats to consider.
        public var precisions: [ServingQuantization] = [.checkpoint]
        /// Highest USD per hour of the whole setup; nil = any.
        public var maxPricePerHour: Double?
        /// gpuhunt providers allowed; nil = all.
        public var providers: Set<String>?
        /// The one gpuhunt GPU allowed, narrowed to one memory size (GB, rounded) when given; nil = all.
        public var gpu: (name: String, vramGB: Int?)?
        /// `--gpu-memory-utilization`.
        public var utilization = 0.9
        /// The release whose memory accounting is modelled.
        public var release = VLLMRelease.newest
        /// Most nodes a setup may span (tensor parallel within a node, pipeline parallel across); only the largest
        /// NVLink node of a GPU is clustered.
        public var maxNodes = 4
        /// Tokens one stream holds on average, for `max_num_seqs` (the site's 50k in + 1k out).
        public var streamContext = ServingSettings.reference.contextTokens

        /// Creates a request; see each property.
        public init(model: String, checkpoint: ServingCheckpoint, architecture: KVArchitecture, attentionHeads: Int?,
                    context: Int) {
            self.model = model
            self.checkpoint = checkpoint
            self.architecture = architecture
            self.attentionHeads = attentionHeads
            self.context = context
        }

        /// Only nodes of this many GPUs (a committed spec's `accelerator_count`); nil = any.
        public var gpusPerNode: Int?

        /// The provider, GPU and price filters.
        public var filters: Filters {
            Filters(providers: providers, gpu: gpu, gpusPerNode: gpusPerNode, maxPricePerHour: maxPricePerHour)
        }

        /// Whether an offer passes the provider and GPU filters.
        public func admits(_ offering: Offering) -> Bool { filters.admits(offering) }
    }

    /// What narrows the offers, whatever is sized on them.
    public struct Filters: Sendable {
        /// gpuhunt providers allowed; nil = all.
        public var providers: Set<String>?
        /// The one gpuhunt GPU allowed, narrowed to one memory size (GB, rounded) when given; nil = all.
        public var gpu: (name: String, vramGB: Int?)?
        /// Only nodes of this many GPUs; nil = any.
        public var gpusPerNode: Int?
        /// Highest USD per hour of the whole setup; nil = any.
        public var maxPricePerHour: Double?

        public init(providers: Set<String>? = nil, gpu: (name: String, vramGB: Int?)? = nil, gpusPerNode: Int? = nil,
                    maxPricePerHour: Double? = nil) {
            self.providers = providers
            self.gpu = gpu
            self.gpusPerNode = gpusPerNode
            self.maxPricePerHour = maxPricePerHour
        }

        /// Whether an offer passes the provider, GPU and count filters.
        public func admits(_ offering: Offering) -> Bool {
            guard providers?.contains(offering.provider) ?? true,
                  gpusPerNode.map({ $0 == offering.gpuCount }) ?? true else { return false }
            guard let gpu else { return true }
            return offering.gpuName == gpu.name && (gpu.vramGB.map { $0 == Int(offering.vramGB.rounded()) } ?? true)
        }
    }

    /// A setup chosen by memory alone: a training job, or a model without a config to size exactly.
    public struct MemoryFit: Sendable, Hashable {
        /// The cheapest offer of the node.
        public var offering: Offering
        /// Every provider offering the node, cheapest first.
        public var providers: [String]
        /// GB one GPU needs.
        public var neededGBPerGPU: Double
        /// USD per hour.
        public var pricePerHour: Double { offering.pricePerHour }
    }

    /// Every offer of at least `minimumGPUs` GPUs whose memory per GPU holds `neededGBPerGPU(count)`, cheapest first
    /// (then fewer GPUs), one per GPU, memory and count.
    public func memoryFits(neededGBPerGPU: (Int) -> Double, minimumGPUs: Int, filters: Filters,
                           offerings: [Offering]) -> [MemoryFit] {
        var groups: [String: [Offering]] = [:]
        var order: [String] = []
        for offering in offerings where filters.admits(offering) && offering.gpuCount >= minimumGPUs
            && offering.vramGB >= neededGBPerGPU(offering.gpuCount)
            && (filters.maxPricePerHour.map { offering.pricePerHour <= $0 } ?? true) {
            let key = "\(offering.gpuName)|\(offering.vramGB)|\(offering.gpuCount)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(offering)
        }
        let fits = order.compactMap { key -> MemoryFit? in
            guard let offers = groups[key]?.sorted(by: Self.cheaper), let cheapest = offers.first else { return nil }
            var providers: [String] = []
            for offer in offers where !providers.contains(offer.provider) { providers.append(offer.provider) }
            return MemoryFit(offering: cheapest, providers: providers, neededGBPerGPU: neededGBPerGPU(cheapest.gpuCount))
        }
        return fits.enumerated().sorted { a, b in
            if a.element.pricePerHour != b.element.pricePerHour { return a.element.pricePerHour < b.element.pricePerHour }
            if a.element.offering.gpuCount != b.element.offering.gpuCount {
                return a.element.offering.gpuCount < b.element.offering.gpuCount
            }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// One setup that serves the model.

    public struct Option: Sendable, Hashable {
        /// The gpuhunt GPU name.
        public var gpuName: String
        /// Memory of one GPU, GB (the catalog's figure).
        public var vramGB: Double
        /// GPUs per node.
        public var gpusPerNode: Int
        /// Nodes.
        public var nodes: Int
        /// The weight format served.
        public var precision: ServingQuantization
        /// The cheapest offer of one node.
        public var offering: Offering
        /// Every provider offering the node, cheapest first.
        public var providers: [String]
        /// The sizing of one replica.
        public var serving: VLLMServing
        /// `--max-num-seqs`: the streams of ``Request/streamContext`` tokens the KV cache holds, at least the
        /// concurrency asked for, at most vLLM's default.
        public var maxNumSeqs: Int
        /// The architecture family of the GPU (datasheet), when known.
        public var architecture: String?

        /// All GPUs.
        public var gpuCount: Int { gpusPerNode * nodes }
        /// USD per hour of the whole setup.
        public var pricePerHour: Double { offering.pricePerHour * Double(nodes) }
        /// USD per month (720 hours, as the site counts).
        public var pricePerMonth: Double { pricePerHour * SizingAssumptions.reference.hoursPerMonth }
    }

    /// The datasheets, by gpuhunt name (`A100_80G` for the 80 GB A100).
    public var specs: [String: GPUSpec]

    /// Creates a recommender over datasheet rows (first row per name wins).
    public init(specs: [GPUSpec]) {
        var byName: [String: GPUSpec] = [:]
        for spec in specs where byName[spec.gpuName] == nil { byName[spec.gpuName] = spec }
        self.specs = byName
    }

    /// The datasheet of a catalog GPU: `NAME_<GB>G` when a row has that name (the A100 80 GB), else `NAME`.
    public func datasheet(gpuName: String, vramGB: Double) -> GPUSpec? {
        specs["\(gpuName)_\(Int(vramGB.rounded()))G"] ?? specs[gpuName]
    }

    /// Every fitting setup, cheapest first (then fewer GPUs, then the GPU name in byte order, then the precision's
    /// table order).
    ///
    /// - Parameters:
    ///   - request: The model and the targets.
    ///   - offerings: Catalog offers of every provider (several per GPU and count are grouped; each gives the
    ///     providers list), or the cheapest offers of `gpus.json`.
    public func options(_ request: Request, offerings: [Offering]) -> [Option] {
        struct Key: Hashable {
            var gpuName: String
            var vram: Double
            var count: Int
        }
        var groups: [Key: [Offering]] = [:]
        var order: [Key] = []
        for offering in offerings where request.admits(offering) {
            let key = Key(gpuName: offering.gpuName, vram: offering.vramGB, count: offering.gpuCount)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(offering)
        }
        let largest = Dictionary(order.map { ("\($0.gpuName)|\($0.vram)", $0.count) }, uniquingKeysWith: max)
        var options: [Option] = []
        for key in order {
            guard let offers = groups[key]?.sorted(by: Self.cheaper), let cheapest = offers.first else { continue }
            var providers: [String] = []
            for offer in offers where !providers.contains(offer.provider) { providers.append(offer.provider) }
            let spec = datasheet(gpuName: key.gpuName, vramGB: key.vram)
            let memory = VLLMGPUMemory.total(gpuName: spec?.gpuName ?? key.gpuName, datasheetGB: key.vram).gib
            // Several nodes only of the largest NVLink node of a GPU: the HGX-class machines clouds network for
            // multi-node jobs; workstation boards and PCIe pods are not clustered.
            let multiNode = largest["\(key.gpuName)|\(key.vram)"] == key.count && cheapest.interconnect == "nvlink"
            for precision in request.precisions where precision.runs(onArchitecture: spec?.architecture) {
                guard let weights = precision.weights(request.checkpoint.weights) else { continue }
                let checkpoint = ServingCheckpoint(weights: weights, shape: request.checkpoint.shape)
                for nodes in 1...(multiNode ? max(1, request.maxNodes) : 1) {
                    guard let (serving, seqs) = size(request, checkpoint: checkpoint, gpuName: key.gpuName,
                                                     memoryGiB: memory, gpus: key.count, nodes: nodes) else { continue }
                    options.append(Option(gpuName: key.gpuName, vramGB: key.vram, gpusPerNode: key.count, nodes: nodes,
                                          precision: precision, offering: cheapest, providers: providers,
                                          serving: serving, maxNumSeqs: seqs, architecture: spec?.architecture))
                    break
                }
            }
        }
        return options.filter { option in request.maxPricePerHour.map { option.pricePerHour <= $0 } ?? true }
            .enumerated().sorted { a, b in
                let (x, y) = (a.element, b.element)
                if x.pricePerHour != y.pricePerHour { return x.pricePerHour < y.pricePerHour }
                if x.gpuCount != y.gpuCount { return x.gpuCount < y.gpuCount }
                if x.gpuName != y.gpuName { return x.gpuName.utf8.lexicographicallyPrecedes(y.gpuName.utf8) }
                return a.offset < b.offset
            }.map(\.element)
    }

    /// The largest setup on offer after the filters, by memory of one node: for the "nothing fits" message.
    public func largestOffer(_ request: Request, offerings: [Offering]) -> Offering? {
        offerings.filter(request.admits).max { $0.vramGB * Double($0.gpuCount) < $1.vramGB * Double($1.gpuCount) }
    }

    /// The memory one replica needs per GPU on `gpus` GPUs of `memoryGiB` (weights, reserve and one full
    /// request), GiB: the figure the "nothing fits" message prints.
    public func neededGiB(_ request: Request, gpus: Int, memoryGiB: Double, gpuName: String) -> Double {
        VLLMServing(checkpoint: request.checkpoint, architecture: request.architecture,
                    request: servingRequest(request, gpuName: gpuName, memoryGiB: memoryGiB, tp: gpus, pp: 1, seqs: nil))
            .neededGiB
    }

    /// Sizes one setup: TP over a node's GPUs (the largest divisor of the count that divides the attention heads,
    /// the rest pipeline parallel), PP across nodes; nil when it does not hold `concurrency` requests of `context`.
    private func size(_ request: Request, checkpoint: ServingCheckpoint, gpuName: String, memoryGiB: Double, gpus: Int,
                      nodes: Int) -> (VLLMServing, Int)? {
        let tp = (1...gpus).reversed().first { d in gpus % d == 0 && (request.attentionHeads.map { $0 % d == 0 } ?? true) } ?? 1
        let pp = gpus / tp * nodes
        guard pp <= max(1, request.architecture.layers.count) else { return nil }
        let first = VLLMServing(checkpoint: checkpoint, architecture: request.architecture,
                                request: servingRequest(request, gpuName: gpuName, memoryGiB: memoryGiB, tp: tp, pp: pp, seqs: nil))
        guard first.fits, first.capacity.maxConcurrency >= Double(request.concurrency) else { return nil }
        let streams = Int((Double(first.capacity.kvCacheTokens) / request.streamContext).rounded(.down))
        let seqs = min(first.request.effectiveMaxNumSeqs, max(request.concurrency, streams, 1))
        let sized = VLLMServing(checkpoint: checkpoint, architecture: request.architecture,
                                request: servingRequest(request, gpuName: gpuName, memoryGiB: memoryGiB, tp: tp, pp: pp, seqs: seqs))
        return (sized, seqs)
    }

    private func servingRequest(_ request: Request, gpuName: String, memoryGiB: Double, tp: Int, pp: Int,
                                seqs: Int?) -> VLLMServing.Request {
        VLLMServing.Request(gpuMemoryGiB: memoryGiB, gpuName: gpuName, tensorParallel: tp, pipelineParallel: pp,
                            maxModelLen: request.context, kvCacheDType: request.kvCacheDType,
                            utilization: request.utilization, maxNumSeqs: seqs, release: request.release)
    }

    /// Price, then provider, instance and location in byte order (as the prices step breaks ties).
    static func cheaper(_ a: Offering, _ b: Offering) -> Bool {
        if a.pricePerHour != b.pricePerHour { return a.pricePerHour < b.pricePerHour }
        for (x, y) in [(a.provider, b.provider), (a.instanceName, b.instanceName), (a.location, b.location)] where x != y {
            return x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        return false
    }
}
