import Deploy
import Foundation
import SeekCore
import Sizing

extension RecommendReport {
    /// The listing: the model and the inputs, every fitting setup cheapest first, the recommendation.
    var table: String {
        let weights = request.checkpoint.weights
        var lines = inputs.findings
        lines.append("model    \(request.model) (\(model.modelType)), \(Self.grouped(weights.parameters)) parameters, "
            + SizeReport.format(of: weights) + "; \(Self.grouped(request.context)) tokens × \(request.concurrency), "
            + "kv_cache_dtype \(request.kvCacheDType.rawValue), vLLM \(request.release.name)")
        lines += notes.map { "note     " + $0 }
        lines.append("offers   \(inputs.offerings.count) from \(inputs.offeringsSource); \(options.count) setup"
            + (options.count == 1 ? "" : "s") + " fit, cheapest first")
        lines.append("")
        let header = ["#", "setup", "format", "TP×PP", "$/hour", "$/month", "KV tokens", "conc@ctx", "margin GiB", "providers"]
        var rows = [header]
        for (index, option) in options.enumerated() {
            rows.append([
                String(index + 1), Self.setup(option), option.precision.rawValue,
                "\(option.serving.request.tensorParallel)×\(option.serving.request.pipelineParallel)",
                Self.money(option.pricePerHour), Self.money(option.pricePerMonth),
                Self.grouped(option.serving.capacity.kvCacheTokens),
                String(format: "%.2f", option.serving.capacity.maxConcurrency),
                String(format: "%.1f", option.serving.marginGiB), option.providers.joined(separator: ","),
            ])
        }
        lines += Self.aligned(rows, rightAligned: [0, 4, 5, 6, 7, 8])
        if let best = options.first {
            lines.append("")
            lines.append("recommended  \(Self.setup(best)) on \(best.offering.provider) (\(best.offering.instanceName), "
                + "\(best.offering.location)): $\(Self.money(best.pricePerHour))/hour, $\(Self.money(best.pricePerMonth))/month")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows as aligned columns (the first row the header), two spaces apart, no trailing blanks.
    static func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let widths = (rows.first ?? []).indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    /// `2× H100 (80 GB)`, `2 nodes × 8× H100 (80 GB)`.
    static func setup(_ option: Recommender.Option) -> String {
        let vram = option.vramGB == option.vramGB.rounded() ? String(Int(option.vramGB)) : String(format: "%.1f", option.vramGB)
        return (option.nodes > 1 ? "\(option.nodes) nodes × " : "") + "\(option.gpusPerNode)× \(option.gpuName) (\(vram) GB)"
    }

    /// The JSON document: the request, every option, the recommended spec and the files written.
    func json(written: [String]) -> String {
        let list: [JSONValue] = options.map { option in
            .object(JSONObject([
                ("gpu", .string(option.gpuName)), ("vram_gb", .double(option.vramGB)),
                ("gpus_per_node", .int(option.gpusPerNode)), ("nodes", .int(option.nodes)),
                ("precision", .string(option.precision.rawValue)),
                ("tensor_parallel_size", .int(option.serving.request.tensorParallel)),
                ("pipeline_parallel_size", .int(option.serving.request.pipelineParallel)),
                ("price_per_hour", .double(Self.rounded(option.pricePerHour))),
                ("price_per_month", .double(Self.rounded(option.pricePerMonth))),
                ("weights_gib_per_gpu", .double(Self.rounded(option.serving.plan.weightsGiB))),
                ("kv_cache_tokens", .int(option.serving.capacity.kvCacheTokens)),
                ("max_concurrency", .double(Self.rounded(option.serving.capacity.maxConcurrency))),
                ("memory_margin_gib", .double(Self.rounded(option.serving.marginGiB))),
                ("max_num_seqs", .int(option.maxNumSeqs)),
                ("provider", .string(option.offering.provider)), ("instance", .string(option.offering.instanceName)),
                ("region", .string(option.offering.location)),
                ("providers", .array(option.providers.map(JSONValue.string))),
            ]))
        }
        let object = JSONObject([
            ("model", .string(request.model)), ("context", .int(request.context)), ("concurrency", .int(request.concurrency)),
            ("kv_cache_dtype", .string(request.kvCacheDType.rawValue)), ("vllm_release", .string(request.release.name)),
            ("findings", .array(inputs.findings.map(JSONValue.string))), ("notes", .array(notes.map(JSONValue.string))),
            ("options", .array(list)),
            ("recommended", .object(JSONObject([("vllm_command", .string(VLLMCommand(spec: spec).line)),
                                                ("spec", .string(spec.yaml))]))),
            ("written", .array(written.map(JSONValue.string))),
        ])
        return String(decoding: CanonicalJSON.encode(.object(object)), as: UTF8.self)
    }

}
