import SeekCore

/// How vLLM lays one GPU's layers out in KV cache groups (`kv_cache_utils.get_kv_cache_groups`).
public struct KVCacheGrouping: Sendable, Hashable {
    /// One KV cache group: layers of one attention spec sharing a block table.
    public struct Group: Sendable, Hashable {
        /// The attention spec of every layer in the group.
        public var attention: KVArchitecture.Attention
        /// Real layers in the group (padding excluded).
        public var layerCount: Int
    }

    /// The groups, in first-appearance order of their attention spec.
    public var groups: [Group]
    /// Layers sharing one block (`group_size`): a block's memory is `page_bytes × layersPerBlock` for hybrids.
    public var layersPerBlock: Int
    /// Empty layers added to fill the last group of each type ("Add N padding layers").
    public var paddingLayers: Int
    /// Whether all layers have one attention type (one group, pages summed over layers).
    public var isUniform: Bool
}

extension VLLMKVCache {
    /// Layers each pipeline stage holds (`distributed.utils.get_pp_indices`).
    ///
    /// Every stage gets `num_layers // pp`; the `num_layers % pp` extra layers go one each to the stages
    /// before the last (from the second-to-last backwards), since the last stage also holds the LM head.
    /// - Parameters:
    ///   - numLayers: Decoder layers.
    ///   - pipelineParallel: PP degree (values below 1 count as 1).
    /// - Returns: Layer counts per stage, first stage first; they sum to `numLayers`.
    public static func stageLayerCounts(numLayers: Int, pipelineParallel: Int) -> [Int] {
        let pp = max(1, pipelineParallel)
        var counts = Array(repeating: numLayers / pp, count: pp)
        let remaining = numLayers % pp
        if remaining > 0 {
            for i in 2...(remaining + 1) { counts[pp - i] += 1 }
        }
        return counts
    }

    /// The layers of each pipeline stage, split by ``stageLayerCounts(numLayers:pipelineParallel:)``.
    ///
    /// - Parameters:
    ///   - arch: The model.
    ///   - pipelineParallel: PP degree.
    /// - Returns: One slice of `arch.layers` per stage.
    public static func stages(of arch: KVArchitecture, pipelineParallel: Int) -> [[KVArchitecture.Attention]] {
        var start = 0
        return stageLayerCounts(numLayers: arch.layers.count, pipelineParallel: pipelineParallel).map { count in
            defer { start += count }
            return Array(arch.layers[start..<(start + count)])
        }
    }

    /// The hybrid group size (`_get_kv_cache_groups_uniform_page_size`): the smallest per-type layer count,
    /// or the largest when largest < `unevenGroupThreshold` × smallest.
    ///
    /// - Parameters:
    ///   - layerCounts: Layers per attention type (all > 0).
    ///   - unevenGroupThreshold: vLLM's 1.5.
    /// - Returns: Layers per group (0 for no types).
    public static func groupSize(layerCounts: [Int], unevenGroupThreshold: Double = 1.5) -> Int {
        guard let smallest = layerCounts.min(), let largest = layerCounts.max() else { return 0 }
        return Double(largest) < unevenGroupThreshold * Double(smallest) ? largest : smallest
    }

    /// Whether two layers are the same attention *type* for vLLM's uniform check: full and MLA are one type
    /// (`MLAAttentionSpec` is a `FullAttentionSpec`); sliding windows are one type per window size.
    static func typeKey(_ attention: KVArchitecture.Attention) -> Int? {
        switch attention {
        case .full, .mla: -1
        case .slidingWindow(let window, _, _): window
        case .noKVCache: nil
        }
    }

    /// Groups one GPU's layers (`get_kv_cache_groups`).
    ///
    /// One attention type (``typeKey(_:)``), or `groupsHybridLayers` off (V0): one group whose block spans every
    /// layer (`num_blocks = available // Σ page bytes`). Otherwise each distinct spec is split into
    /// `ceil(count / group_size)` groups of ``groupSize(layerCounts:unevenGroupThreshold:)`` layers, the last padded.
    /// Layers without a KV cache are left out (Mamba/linear-attention state is not modelled).
    /// - Parameters:
    ///   - layers: The stage's layers.
    ///   - rules: Version rules (hybrid grouping on or off, threshold).
    /// - Returns: The grouping.
    public static func grouping(of layers: [KVArchitecture.Attention], rules: VLLMVersionRules = .v1) -> KVCacheGrouping {
        let kv = layers.filter { typeKey($0) != nil }
        var specs: [KVArchitecture.Attention] = []
        var counts: [KVArchitecture.Attention: Int] = [:]
        for layer in kv {
            if counts[layer] == nil { specs.append(layer) }
            counts[layer, default: 0] += 1
        }
        let types = Set(kv.compactMap(typeKey))
        if types.count <= 1 || !rules.groupsHybridLayers {
            let groups = specs.first.map { [KVCacheGrouping.Group(attention: $0, layerCount: kv.count)] } ?? []
            return KVCacheGrouping(groups: groups, layersPerBlock: kv.count, paddingLayers: 0, isUniform: true)
        }
        let size = groupSize(layerCounts: specs.compactMap { counts[$0] }, unevenGroupThreshold: rules.unevenGroupThreshold)
        var groups: [KVCacheGrouping.Group] = []
        var padding = 0
        for spec in specs {
            var left = counts[spec] ?? 0
            while left > 0 {
                groups.append(.init(attention: spec, layerCount: min(left, size)))
                padding += max(0, size - left)
                left -= size
            }
        }
        return KVCacheGrouping(groups: groups, layersPerBlock: size, paddingLayers: padding, isUniform: false)
    }
}
