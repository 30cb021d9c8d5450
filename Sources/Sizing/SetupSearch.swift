import SeekCore

/// One GPU setup that serves a model at a concurrency target (§2.13 option).
public struct GPUSetup: Sendable, Hashable {
    /// The gpuhunt GPU name.
    public var gpuName: String
    /// GPUs in the setup.
    public var gpuCount: Int
    /// The offering's `interconnect` string (display only; topology uses the spec's tier).
    public var interconnect: String
    /// Total VRAM, GB.
    public var totalVramGB: Double
    /// `price_per_hour × 720`, USD per month.
    public var monthlyCost: Double
    /// `monthlyCost / concurrency`, USD per stream per month (§2.12).
    public var costPerStreamPerMonth: Double
    /// Single-stream decode speed, tokens/s, when modeled.
    public var decodeThroughputTokS: Double?
    /// Streams the setup admits (`operatingStreams.low`).
    public var maxConcurrentStreams: Int
    /// The full estimate.
    public var deploymentEstimate: DeploymentEstimate?
    /// Whether the setup is projected from a 1-GPU price (§2.13 scaled fallback).
    public var isProjected: Bool
}

/// GPU-setup search over priced offerings (§2.13 `findGpuSetups`, `findScaledGpuSetups`).
public struct SetupSearch: Sendable {
    /// Priced offerings (gpus.json rows), in file order.
    public var offerings: [Offering]
    /// Datasheets by GPU name.
    public var specs: [String: GPUSpec]
    /// Advanced settings.
    public var settings: ServingSettings
    /// Constants.
    public var assumptions: SizingAssumptions

    /// Creates a search.
    ///
    /// - Parameters:
    ///   - offerings: gpus.json rows.
    ///   - specs: gpu_specs.json rows (first row per name wins).
    ///   - settings: Advanced settings.
    ///   - assumptions: Constants.
    public init(offerings: [Offering], specs: [GPUSpec], settings: ServingSettings = .reference,
                assumptions: SizingAssumptions = .reference) {
        self.offerings = offerings
        var byName: [String: GPUSpec] = [:]
        for spec in specs where byName[spec.gpuName] == nil { byName[spec.gpuName] = spec }
        self.specs = byName
        self.settings = settings
        self.assumptions = assumptions
    }

    /// Estimates a model on `gpuCount` GPUs of a type (§2.10 `calcGpuSetupStats`).
    ///
    /// - Parameters:
    ///   - model: The model.
    ///   - gpuName: The GPU (unknown → `nil`).
    ///   - gpuCount: GPUs.
    ///   - vramPerGPUGB: GB per GPU.
    ///   - memoryUtilization: Usable fraction (default 0.90).
    public func estimate(model: ModelSpec, gpuName: String, gpuCount: Int, vramPerGPUGB: Double,
                         memoryUtilization: Double? = nil) -> DeploymentEstimate? {
        DeploymentEstimate(model: model, spec: specs[gpuName], gpuCount: gpuCount, vramPerGPUGB: vramPerGPUGB,
                           settings: settings, memoryUtilization: memoryUtilization, assumptions: assumptions)
    }

    /// Priced setups meeting `concurrency` streams and the minimum decode speed, cheapest first (§2.13).
    ///
    /// Deliberate difference (decisions.md 15): offerings that do not fit are dropped **before** keeping
    /// the cheapest offering per `gpu_name|gpu_count`, so a cheaper A100 40 GB never hides a fitting A100 80 GB.
    /// - Parameters:
    ///   - model: The model, at native precision.
    ///   - concurrency: Streams required.
    ///   - limit: Setups returned (default 3).
    /// - Returns: Up to `limit` setups sorted by monthly cost (ties keep first-seen order).
    public func setups(for model: ModelSpec, concurrency: Int, limit: Int? = nil) -> [GPUSetup] {
        var cheapest: [String: Offering] = [:]
        var order: [String] = []
        for offering in offerings where model.fits(gpuCount: offering.gpuCount, vramPerGPUGB: offering.vramGB,
                                                   assumptions: assumptions) {
            let key = "\(offering.gpuName)|\(offering.gpuCount)"
            if let kept = cheapest[key] {
                if offering.pricePerHour < kept.pricePerHour { cheapest[key] = offering }
            } else {
                cheapest[key] = offering
                order.append(key)
            }
        }
        var options: [GPUSetup] = []
        for key in order {
            guard let offering = cheapest[key] else { continue }
            let e = estimate(model: model, gpuName: offering.gpuName, gpuCount: offering.gpuCount,
                             vramPerGPUGB: offering.vramGB)
            guard let setup = accept(e, gpuName: offering.gpuName, gpuCount: offering.gpuCount,
                                     interconnect: offering.interconnect, totalVramGB: offering.totalVramGB,
                                     monthly: offering.pricePerHour * assumptions.hoursPerMonth,
                                     concurrency: concurrency, projected: false) else { continue }
            options.append(setup)
        }
        return Array(sortedByCost(options).prefix(limit ?? assumptions.setupSearchLimit))
    }

    /// Setups projected from 1-GPU prices, up to 8 GPUs (§2.13 `findScaledGpuSetups`).
    ///
    /// - Parameters:
    ///   - model: The model.
    ///   - concurrency: Streams required.
    ///   - limit: Setups returned (default 3).
    /// - Returns: Projected setups (`isProjected`), cheapest first.
    public func scaledSetups(for model: ModelSpec, concurrency: Int, limit: Int? = nil) -> [GPUSetup] {
        var cheapestX1: [String: Offering] = [:]
        var order: [String] = []
        for offering in offerings where offering.gpuCount == 1 {
            if let kept = cheapestX1[offering.gpuName] {
                if offering.pricePerHour < kept.pricePerHour { cheapestX1[offering.gpuName] = offering }
            } else {
                cheapestX1[offering.gpuName] = offering
                order.append(offering.gpuName)
            }
        }
        let needed = model.weightMemoryGB() * assumptions.weightOverheadFactor
        var options: [GPUSetup] = []
        for name in order {
            guard let x1 = cheapestX1[name] else { continue }
            let first = max(1, Fit.gpusNeeded(memoryGB: needed, vramPerGPUGB: x1.vramGB))
            guard first <= assumptions.maxProjectedGPUs else { continue }
            for count in first...assumptions.maxProjectedGPUs {
                let e = estimate(model: model, gpuName: name, gpuCount: count, vramPerGPUGB: x1.vramGB)
                if let setup = accept(e, gpuName: name, gpuCount: count, interconnect: x1.interconnect,
                                      totalVramGB: Double(count) * x1.vramGB,
                                      monthly: x1.pricePerHour * Double(count) * assumptions.hoursPerMonth,
                                      concurrency: concurrency, projected: true) {
                    options.append(setup)
                    break
                }
            }
        }
        return Array(sortedByCost(options).prefix(limit ?? assumptions.setupSearchLimit))
    }

    /// Priced setups, or projected ones when none qualify (the app's Fit/Scale cell and cost trend rule).
    ///
    /// - Parameters:
    ///   - model: The model.
    ///   - concurrency: Streams required.
    ///   - limit: Setups returned (default 3).
    public func setupsOrScaled(for model: ModelSpec, concurrency: Int, limit: Int? = nil) -> [GPUSetup] {
        let real = setups(for: model, concurrency: concurrency, limit: limit)
        return real.isEmpty ? scaledSetups(for: model, concurrency: concurrency, limit: limit) : real
    }

    private func accept(_ e: DeploymentEstimate?, gpuName: String, gpuCount: Int, interconnect: String,
                        totalVramGB: Double, monthly: Double, concurrency: Int, projected: Bool) -> GPUSetup? {
        let streams = e?.operatingStreams.low ?? 0
        guard streams >= concurrency else { return nil }
        if let single = e?.singleStreamTokS, single < settings.minTokPerStream { return nil }
        return GPUSetup(gpuName: gpuName, gpuCount: gpuCount, interconnect: interconnect, totalVramGB: totalVramGB,
                        monthlyCost: monthly, costPerStreamPerMonth: monthly / Double(max(1, concurrency)),
                        decodeThroughputTokS: e?.singleStreamTokS, maxConcurrentStreams: streams,
                        deploymentEstimate: e, isProjected: projected)
    }

    private func sortedByCost(_ options: [GPUSetup]) -> [GPUSetup] {
        options.enumerated().sorted { a, b in
            a.element.monthlyCost != b.element.monthlyCost ? a.element.monthlyCost < b.element.monthlyCost : a.offset < b.offset
        }.map(\.element)
    }
}
