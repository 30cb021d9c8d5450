import Foundation
import SeekCore

/// Inputs of the single-stream decode latency model (§2.8 `lib/calc-decode-latency.ts`).
public struct DecodeInputs: Sendable, Hashable {
    /// HBM bandwidth per GPU, TB/s (× 1024⁴ bytes/s).
    public var hbmBandwidthTBps: Double
    /// GPU-to-GPU link bandwidth, GB/s (× 1024³ bytes/s).
    public var linkBandwidthGBps: Double
    /// Interconnect tier (selects the collective latency).
    public var tier: GPUSpec.InterconnectTier
    /// Transformer layers N.
    public var layers: Int
    /// Hidden size H, elements.
    public var hiddenSize: Int
    /// Active parameters A, billions.
    public var activeParamsB: Double
    /// Bytes per parameter q.
    public var bytesPerParam: Double
    /// Whether the model is MoE.
    public var isMoE: Bool
    /// Experts per token k (`nil` → 0).
    public var topK: Int?
    /// Routed experts per layer E (`nil` → 0).
    public var numExperts: Int?
    /// Routed expert parameters R, billions (`nil` → no imbalance term).
    public var routedExpertParamsB: Double?
    /// KV cache bytes per token K (all layers).
    public var kvBytesPerToken: Double
    /// KV heads per layer (`nil` or 0 → KV sharded over all TP ranks).
    public var numKVHeads: Int?
    /// Tensor-parallel degree (≥ 1).
    public var tp: Int
    /// Expert-parallel degree; `nil` → tp for MoE, 1 for dense.
    public var ep: Int?
    /// Pipeline-parallel degree (default 1).
    public var pp: Int
    /// Context tokens C read from the KV cache per step.
    public var contextTokens: Double

    /// Creates inputs; see each property for units.
    public init(hbmBandwidthTBps: Double, linkBandwidthGBps: Double, tier: GPUSpec.InterconnectTier, layers: Int,
                hiddenSize: Int, activeParamsB: Double, bytesPerParam: Double, isMoE: Bool, topK: Int? = nil,
                numExperts: Int? = nil, routedExpertParamsB: Double? = nil, kvBytesPerToken: Double = 0,
                numKVHeads: Int? = nil, tp: Int, ep: Int? = nil, pp: Int = 1, contextTokens: Double = 0) {
        self.hbmBandwidthTBps = hbmBandwidthTBps
        self.linkBandwidthGBps = linkBandwidthGBps
        self.tier = tier
        self.layers = layers
        self.hiddenSize = hiddenSize
        self.activeParamsB = activeParamsB
        self.bytesPerParam = bytesPerParam
        self.isMoE = isMoE
        self.topK = topK
        self.numExperts = numExperts
        self.routedExpertParamsB = routedExpertParamsB
        self.kvBytesPerToken = kvBytesPerToken
        self.numKVHeads = numKVHeads
        self.tp = tp
        self.ep = ep
        self.pp = pp
        self.contextTokens = contextTokens
    }
}

/// Per-token decode time split into its terms, in seconds (§2.8).
public struct DecodeLatency: Sendable, Hashable {
    /// HBM weight read (with EP expert imbalance when it applies), s.
    public var weightRead: Double
    /// Tensor-parallel all-reduces, s.
    public var tpAllReduce: Double
    /// MoE all-to-alls, s.
    public var epAllToAll: Double
    /// Kernel launches, s.
    public var launch: Double
    /// Pipeline send/receive, s.
    public var ppSendRecv: Double
    /// KV cache read, s.
    public var kvRead: Double
    /// Balanced weight read without imbalance, s (roofline denominator).
    public var balancedWeightRead: Double

    /// Sum of all terms, s per token.
    public var perTokenS: Double { weightRead + tpAllReduce + epAllToAll + launch + ppSendRecv + kvRead }
    /// Single-stream decode speed, tokens/s.
    public var singleStreamTokS: Double { 1 / perTokenS }
    /// Bandwidth-roofline speed `1 / balancedWeightRead`, tokens/s.
    public var bandwidthRooflineTokS: Double { 1 / balancedWeightRead }

    /// Evaluates the model.
    ///
    /// - Parameters:
    ///   - inputs: Hardware, model shape and parallel layout.
    ///   - assumptions: Launch latency, ops per layer, collective latencies, activation bytes.
    public init(_ inputs: DecodeInputs, assumptions: SizingAssumptions = .reference) {
        let hbm = inputs.hbmBandwidthTBps * tebibyte
        let link = inputs.linkBandwidthGBps * gibibyte
        let tp = Double(max(1, inputs.tp))
        let ep = inputs.ep ?? (inputs.isMoE ? inputs.tp : 1)
        let k = inputs.topK ?? 0
        let experts = inputs.numExperts ?? 0
        let n = Double(inputs.layers)
        let h = Double(inputs.hiddenSize)
        let a = assumptions.decodeActivationBytes
        let c = assumptions.collectiveLatencyS(inputs.tier)
        let activeBytes = inputs.activeParamsB * inputs.bytesPerParam * gibibyte
        balancedWeightRead = activeBytes / tp / hbm
        if inputs.isMoE, ep > 1, k > 0, experts > 0, let routed = inputs.routedExpertParamsB {
            let perExpert = routed / Double(experts) * inputs.bytesPerParam * gibibyte
            let expertActive = min(Double(k) * perExpert, activeBytes)
            let attention = activeBytes - expertActive
            weightRead = (attention / tp + expectedMaxLoad(balls: k, bins: ep) * perExpert) / hbm
        } else {
            weightRead = balancedWeightRead
        }
        tpAllReduce = inputs.tp > 1 ? n * (2 * h * a / link + c) : 0
        epAllToAll = inputs.isMoE && inputs.tp > 1 && k > 0 ? n * 2 * (Double(k) * h * a / link + c) : 0
        launch = assumptions.kernelLaunchLatencyS * n * (inputs.isMoE ? assumptions.moeOpsPerLayer : assumptions.denseOpsPerLayer)
        ppSendRecv = inputs.pp > 1 ? Double(inputs.pp - 1) * (h * a / link + c) : 0
        if inputs.contextTokens > 0, inputs.kvBytesPerToken > 0 {
            let heads = inputs.numKVHeads ?? 0
            let shard = heads > 0 ? Double(min(inputs.tp, heads)) : tp
            kvRead = inputs.kvBytesPerToken * inputs.contextTokens / shard / hbm
        } else {
            kvRead = 0
        }
    }
}

/// Expected maximum bin load when `balls` balls fall uniformly into `bins` bins
/// (independent-binomial approximation, §2.8 `E[max]`).
///
/// - Parameters:
///   - balls: Experts chosen per token (k).
///   - bins: Expert-parallel ranks (ep).
/// - Returns: `Σ_{j=0..balls} (1 − F(j)^bins)` with F the Binomial(balls, 1/bins) CDF.
public func expectedMaxLoad(balls: Int, bins: Int) -> Double {
    if bins <= 1 { return Double(max(0, balls)) }
    if balls <= 0 { return 0 }
    let p = 1 / Double(bins)
    var pmf = pow(1 - p, Double(balls))
    var cdf = 0.0
    var total = 0.0
    for j in 0...balls {
        cdf += pmf
        total += 1 - pow(cdf, Double(bins))
        pmf = pmf * Double(balls - j) / Double(j + 1) * p / (1 - p)
    }
    return total
}
