import SeekCore

extension DataDiff {
    /// The full report: `# <summaryLine>`, then ``body``. Doubles as a pull-request body.
    public var markdown: String {
        "# \(summaryLine)\n\n" + body
    }

    /// The report without its title, for a commit message body under ``summaryLine``.
    ///
    /// Sections appear only when they have something to say, in a fixed order: models,
    /// leaderboard, GPU prices, price sources, API pricing, GPU specs, files.
    public var body: String {
        var out = MarkdownWriter()
        if isEmpty {
            out.paragraph("No data file changed.")
            return out.text
        }
        if !problems.isEmpty {
            out.paragraph("> **Warning:** not readable, so not compared: "
                          + problems.map { "\($0.path) (\($0.error.detail))" }
                              .joined(separator: "; ") + ".")
        }
        if !oldProblems.isEmpty {
            out.paragraph("> **Note:** not readable on the old side, so not compared: "
                          + oldProblems.map { "\($0.path) (\($0.error.detail))" }
                              .joined(separator: "; ") + ".")
        }
        if isFirstRun { out.paragraph("First published data: everything below is new.") }
        writeModels(to: &out)
        writeLeaderboard(to: &out)
        writePrices(to: &out)
        writeSources(to: &out)
        writeAPIPricing(to: &out)
        writeGPUSpecs(to: &out)
        writeSizingModel(to: &out)
        writeFiles(to: &out)
        return out.text
    }

    // MARK: - Sizing model

    private func writeSizingModel(to out: inout MarkdownWriter) {
        guard let change = sizingModel else { return }
        out.heading("Sizing")
        out.paragraph("The site's memory model changed from \(change.old ?? "the reference's runtime reserve") to "
            + "\(change.new ?? "the reference's runtime reserve"): streams per setup on the Performance, Budget and "
            + "Trends pages change with it (README \"Sizing\").")
    }

    // MARK: - Models

    private func writeModels(to out: inout MarkdownWriter) {
        guard !models.isEmpty else { return }
        out.heading("Models")
        var parts: [String] = []
        if !models.added.isEmpty { parts.append("\(models.added.count) new") }
        if !models.removed.isEmpty { parts.append("\(models.removed.count) removed") }
        if !models.changed.isEmpty { parts.append("\(models.changed.count) changed") }
        out.paragraph("\(models.oldCount) → \(Format.count(models.newCount, "model")): \(parts.joined(separator: ", ")).")
        out.list("New", models.added.map { "**\($0.key)**" + Self.modelDescription($0.fields).map { " — " + $0 }.orEmpty })
        out.list("Removed", models.removed.map(\.key))
        out.table("Spec changes", header: ["model", "field", "before", "after"],
                  rows: Self.fieldRows(models.changed))
    }

    /// "MoE, 747.2B params (45.1B active), FP8, 202,752-token context, MIT".
    static func modelDescription(_ row: JSONObject) -> String? {
        var parts: [String] = []
        if let architecture = row["architecture"]?.stringValue { parts.append(architecture) }
        if let total = row["learnable_params_b"]?.doubleValue {
            parts.append("\(PythonFloat.repr(total))B params"
                         + (row["active_params_b"]?.doubleValue.map { " (\(PythonFloat.repr($0))B active)" } ?? ""))
        }
        if let precision = row["precision"]?.stringValue { parts.append(precision) }
        if let context = row["context_length"]?.intValue { parts.append("\(Format.integer(context))-token context") }
        if let license = row["license_name"]?.stringValue { parts.append(license) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// One table row per changed field: key, field, before, after.
    static func fieldRows(_ changes: [RecordChanges.Change]) -> [[String]] {
        changes.flatMap { change in
            change.fields.map { [change.key, $0.field, Format.value($0.old), Format.value($0.new)] }
        }
    }

    // MARK: - GPU specs

    private func writeGPUSpecs(to out: inout MarkdownWriter) {
        guard !gpuSpecs.isEmpty else { return }
        out.heading("GPU specs")
        if isFirstRun {
            out.paragraph("\(Format.count(gpuSpecs.newCount, "GPU")): " + gpuSpecs.added.map(\.key).joined(separator: ", ") + ".")
            return
        }
        out.list("New", gpuSpecs.added.map { record in
            let memory = record.fields["memory_size_gb"]?.doubleValue.map { "\(PythonFloat.repr($0)) GB" }
            let detail = [memory, record.fields["architecture"]?.stringValue].compactMap { $0 }.joined(separator: ", ")
            return "**\(record.key)**" + (detail.isEmpty ? "" : " — " + detail)
        })
        out.list("Removed", gpuSpecs.removed.map(\.key))
        out.table("Changed", header: ["GPU", "field", "before", "after"], rows: Self.fieldRows(gpuSpecs.changed))
    }

    // MARK: - Files

    private func writeFiles(to out: inout MarkdownWriter) {
        guard !files.isEmpty || !(siteFiles?.isEmpty ?? true) else { return }
        out.heading("Files")
        if !files.isEmpty {
            out.paragraph("\(Format.count(files.entries.count, "data file")) changed (" + Self.kindCounts(files) + ").")
            out.table(header: ["file", "change", "size"], rows: files.entries.map { entry in
                let size: String = switch (entry.oldSize, entry.newSize) {
                case let (a?, b?): "\(Format.bytes(a)) → \(Format.bytes(b)) (\(Self.signedInteger(b - a)))"
                case let (nil, b?): Format.bytes(b)
                case let (a?, nil): Format.bytes(a)
                case (nil, nil): ""
                }
                return [entry.path, entry.kind.rawValue, size]
            })
        }
        if let site = siteFiles, !site.isEmpty {
            out.paragraph("Site: \(Format.count(site.entries.count, "other file")) changed (" + Self.kindCounts(site)
                          + "); pages are not diffed.")
        }
    }

    static func kindCounts(_ changes: FileChanges) -> String {
        [FileChanges.Kind.added, .removed, .modified].compactMap { kind in
            let n = changes.count(kind)
            return n == 0 ? nil : "\(n) \(kind.rawValue)"
        }.joined(separator: ", ")
    }

    static func signedInteger(_ n: Int) -> String {
        n == 0 ? "±0" : (n < 0 ? Format.minus : "+") + Format.integer(abs(n))
    }
}

extension Optional where Wrapped == String {
    /// The string, or "" for nil.
    var orEmpty: String { self ?? "" }
}
