import Foundation

/// Runs the pipelines of a configuration over the records of a run.
///
/// Each enabled pipeline filters, transforms (rendering once) and delivers to all its outputs
/// concurrently. A failing output or pipeline never stops the others; every error message has the
/// values of the secrets its output reads from the environment masked as `***`.
public struct ExportRunner: Sendable {
    /// Makes the destination of an output (``DestinationFactory/make(_:)`` in production; tests inject their own).
    public var makeDestination: @Sendable (OutputConfig) -> any ExportDestination
    /// The environment, for credentials and header substitution.
    public var environment: [String: String]
    /// When the run happens: fills file-name placeholders (and `timestamp` in metrics when asked for).
    public var runTime: Date
    /// The directory relative `local` paths are resolved against; nil for the process's current directory.
    public var baseDirectory: URL?
    /// Receives a line per delivery (success or failure), for `--verbose`.
    public var log: @Sendable (String) -> Void

    /// Creates a runner.
    public init(makeDestination: @escaping @Sendable (OutputConfig) -> any ExportDestination = DestinationFactory.make,
                environment: [String: String], runTime: Date, baseDirectory: URL? = nil,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.makeDestination = makeDestination
        self.environment = environment
        self.runTime = runTime
        self.baseDirectory = baseDirectory
        self.log = log
    }

    /// Runs every pipeline of `config` in order; never throws: failures are in the report.
    public func run(_ config: ExportConfig, input: ExportInput) async -> ExportReport {
        var reports: [PipelineReport] = []
        for pipeline in config.pipelines {
            reports.append(await run(pipeline, input: input))
        }
        return ExportReport(pipelines: reports)
    }

    /// Runs one pipeline.
    public func run(_ pipeline: PipelineConfig, input: ExportInput) async -> PipelineReport {
        var report = PipelineReport(name: pipeline.name, enabled: pipeline.enabled, inputCount: input.records.count,
                                    filteredCount: 0, outputs: [])
        guard pipeline.enabled else { return report }
        let clock = ContinuousClock()

        var filtered: [ExportRecord] = []
        var filterError: String?
        report.filterDuration = clock.measure {
            do {
                filtered = try RecordFilter(pipeline.filters).apply(input.records)
            } catch {
                filterError = "filters could not be compiled: \(error)"
            }
        }
        report.filteredCount = filtered.count

        var payload: ExportPayload?
        var transformError: String?
        if filterError == nil {
            let context = TransformContext(runTime: runTime, inputCount: input.records.count,
                                           catalogVersions: input.catalogVersions)
            report.transformDuration = clock.measure {
                let lazy = Transformer.payload(pipeline.transformer, records: filtered, context: context)
                do {
                    let bytes = try lazy.bytes()
                    let render = lazy.render, count = filtered.count
                    // Outputs that send everything get the bytes rendered here; batches render their slice.
                    payload = ExportPayload(records: filtered, contentType: lazy.contentType, fileExtension: lazy.fileExtension,
                                            isSummary: lazy.isSummary) { subset in
                        subset.count == count ? bytes : try render(subset)
                    }
                } catch {
                    transformError = "the \(pipeline.transformer.format) transformer failed: \(error)"
                }
            }
        }
        guard let payload else {
            report.error = filterError ?? transformError
            report.outputs = pipeline.outputs.map { output in
                OutputReport(type: output.type, name: output.name, label: makeDestination(output).label, location: nil,
                             error: "not delivered: \(report.error ?? "the pipeline failed")", duration: .zero)
            }
            log("\(pipeline.name): \(report.error ?? "failed")")
            return report
        }

        let start = clock.now
        report.outputs = await deliverAll(payload, pipeline: pipeline)
        report.outputDuration = clock.now - start
        return report
    }

    private func deliverAll(_ payload: ExportPayload, pipeline: PipelineConfig) async -> [OutputReport] {
        let context = ExportContext(pipeline: pipeline.name, runTime: runTime, environment: environment,
                                    baseDirectory: baseDirectory)
        return await withTaskGroup(of: (Int, OutputReport).self) { group in
            for (index, output) in pipeline.outputs.enumerated() {
                group.addTask { (index, await deliver(payload, to: output, context: context)) }
            }
            var results: [(Int, OutputReport)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    private func deliver(_ payload: ExportPayload, to output: OutputConfig, context: ExportContext) async -> OutputReport {
        let destination = makeDestination(output)
        let clock = ContinuousClock()
        let start = clock.now
        var report = OutputReport(type: output.type, name: output.name, label: destination.label, location: nil, error: nil,
                                  duration: .zero)
        let kind = output.type + (output.name.map { " '\($0)'" } ?? "")
        do {
            report.location = try await destination.deliver(payload, context: context)
            log("\(context.pipeline): \(kind) → \(report.location ?? destination.label)")
        } catch {
            let secrets = output.secretEnvironmentNames.compactMap { environment[$0] }
            report.error = SecretMask.masking(secrets, in: "\(error)")
            log("\(context.pipeline): \(kind) \(destination.label) failed: \(report.error ?? "")")
        }
        report.duration = clock.now - start
        return report
    }
}

/// Replaces secret values in text before it reaches a log or report.
public enum SecretMask {
    /// `text` with every value of `secrets` (of 4 or more characters; shorter ones would mangle
    /// ordinary words and are not real secrets) replaced by `***`, longest first.
    public static func masking(_ secrets: [String], in text: String) -> String {
        secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
            .reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }
}
