import SeekCore

extension DataDiff {
    /// Above this many added plus removed offerings, they are counted per provider instead of listed.
    static let offeringListLimit = 10

    func writePrices(to out: inout MarkdownWriter) {
        guard !prices.isEmpty || !priceHistory.isEmpty else { return }
        out.heading("GPU prices")
        out.paragraph("Cheapest offering per configuration (GPU × count), USD per instance-hour: "
                      + "\(prices.oldConfigurations) → \(Format.count(prices.newConfigurations, "configuration")), "
                      + "\(prices.oldOfferings) → \(Format.count(prices.newOfferings, "offering")).")
        if !isFirstRun {
            out.table("Price moves (\(prices.moves.count))",
                      header: ["configuration", "before", "after", "change", "cheapest at"], rightAligned: [1, 2, 3],
                      rows: prices.moves.map { move in
                          let at = move.old.provider == move.new.provider ? move.new.provider
                              : "\(move.old.provider) → \(move.new.provider)"
                          return [move.configuration.label, Format.hourly(move.old.pricePerHour),
                                  Format.hourly(move.new.pricePerHour), Format.percent(move.percent), at]
                      })
            out.list("New configurations (\(prices.appeared.count))", prices.appeared.map { offering in
                "\(offering.configuration.label) from \(Format.hourly(offering.pricePerHour)) (\(Self.place(offering)))"
            })
            out.list("Configurations gone (\(prices.disappeared.count))", prices.disappeared.map { offering in
                "\(offering.configuration.label) (was \(Format.hourly(offering.pricePerHour)), \(offering.provider))"
            })
            writeOfferings(to: &out)
        }
        if !priceHistory.addedPoints.isEmpty {
            out.list("Node price history (USD per 8-GPU node-hour)", priceHistory.addedPoints.map { point in
                "\(point.date): " + point.prices.map { "\($0.gpuName) \(Format.money($0.usdPerNodeHour))" }
                    .joined(separator: ", ")
            })
        }
        if priceHistory.removedPoints > 0 {
            out.paragraph("Node price history: \(Format.count(priceHistory.removedPoints, "earlier point")) dropped.")
        }
    }

    private func writeOfferings(to out: inout MarkdownWriter) {
        let added = prices.addedOfferings, removed = prices.removedOfferings
        guard !added.isEmpty || !removed.isEmpty || prices.repricedOfferings > 0 else { return }
        var counts: [String] = []
        if !added.isEmpty { counts.append("+\(added.count) added") }
        if !removed.isEmpty { counts.append("\(Format.minus)\(removed.count) removed") }
        if prices.repricedOfferings > 0 { counts.append("\(prices.repricedOfferings) repriced") }
        out.paragraph("**Offerings:** " + counts.joined(separator: ", ") + ".")
        if added.count + removed.count > Self.offeringListLimit {
            out.table(header: ["provider", "added", "removed"], rightAligned: [1, 2],
                      rows: prices.offeringCountsByProvider.map { row in
                          [row.provider, row.added == 0 ? "" : "+\(row.added)",
                           row.removed == 0 ? "" : "\(Format.minus)\(row.removed)"]
                      })
        } else {
            out.list(nil, added.map { "added: " + Self.describe($0) } + removed.map { "removed: " + Self.describe($0) })
        }
    }

    /// "runpod `1x H100 SXM`, US-TX-3".
    static func place(_ offering: PriceChanges.Offering) -> String {
        offering.provider + (offering.instanceName.isEmpty ? "" : " " + Format.code(offering.instanceName))
            + (offering.location.isEmpty ? "" : ", " + Format.code(offering.location))
    }

    /// "H100×1 $2.69/h, runpod `1x H100 SXM`, US-TX-3".
    static func describe(_ offering: PriceChanges.Offering) -> String {
        "\(offering.configuration.label) \(Format.hourly(offering.pricePerHour)), \(place(offering))"
    }

    // MARK: - Price sources

    func writeSources(to out: inout MarkdownWriter) {
        let persistentStale = sources.stale.filter { sources.staleBefore.contains($0.name) }
        guard !sources.isEmpty || (!persistentStale.isEmpty && !isEmpty) else { return }
        out.heading("Price sources")
        var lines: [String] = []
        var groups: [(old: String?, new: String?, providers: [String])] = []
        for change in sources.versionChanges {
            if let index = groups.firstIndex(where: { $0.old == change.old && $0.new == change.new }) {
                groups[index].providers.append(change.provider)
            } else {
                groups.append((change.old, change.new, [change.provider]))
            }
        }
        for group in groups.sorted(by: { ($0.new ?? "", $0.old ?? "") > ($1.new ?? "", $1.old ?? "") }) {
            let providers = group.providers.joined(separator: ", ")
            switch (group.old, group.new) {
            case let (old?, new?): lines.append("- Catalog \(old) → \(new): \(providers)")
            case let (nil, new?): lines.append("- Catalog \(new): \(providers)" + (isFirstRun ? "" : " (new)"))
            case let (old?, nil): lines.append("- No longer listed: \(providers) (catalog \(old))")
            case (nil, nil): break
            }
        }
        for provider in sources.stale {
            let note = sources.staleBefore.contains(provider.name) ? "still stale" : "**newly stale**"
            lines.append("- \(provider.name) \(note): rows kept from catalog \(provider.catalogVersion ?? "none")"
                         + (provider.offerings.map { " (\(Format.count($0, "offering")))" } ?? ""))
        }
        if !sources.recovered.isEmpty { lines.append("- Fresh again: " + sources.recovered.joined(separator: ", ")) }
        if sources.oldAsOf != sources.newAsOf {
            lines.append("- Prices as of " + (sources.oldAsOf.map { "\($0) → " } ?? "") + (sources.newAsOf ?? "unknown"))
        }
        if sources.otherFieldsChanged { lines.append("- Source description changed") }
        out.paragraph(lines.joined(separator: "\n"))
    }

    // MARK: - API pricing

    /// " — input $10.00/M, output $50.00/M" for an API entry.
    static func prices(_ entry: JSONObject?) -> String {
        guard let entry else { return "" }
        let parts = [("input", "input_cost_per_token"), ("output", "output_cost_per_token")].compactMap { label, key in
            entry[key]?.doubleValue.map { "\(label) \(Format.perMillionTokens($0))" }
        }
        return parts.isEmpty ? "" : " — " + parts.joined(separator: ", ")
    }

    func writeAPIPricing(to out: inout MarkdownWriter) {
        guard !apiPricing.isEmpty else { return }
        out.heading("API pricing")
        out.list(nil, apiPricing.labs.filter { $0.fields.isEmpty }.compactMap { lab in
            switch (lab.oldModel, lab.newModel) {
            case let (nil, new?): "\(lab.lab): **\(new)**" + (isFirstRun ? "" : " (new lab)") + Self.prices(lab.newEntry)
            case let (old?, nil): "\(lab.lab): \(old) removed"
            case let (old?, new?) where old != new: "\(lab.lab): \(old) → **\(new)**" + Self.prices(lab.newEntry)
            default: nil
            }
        })
        var rows: [[String]] = []
        for lab in apiPricing.labs where !lab.fields.isEmpty {
            let model = lab.oldModel == lab.newModel ? (lab.newModel ?? "") : "\(lab.oldModel ?? "none") → \(lab.newModel ?? "none")"
            for field in lab.fields {
                let isPrice = APIPricingChanges.priceFields.contains(field.field)
                let show: (JSONValue?) -> String = { value in
                    guard let value else { return "—" }
                    if isPrice, let x = value.doubleValue { return Format.perMillionTokens(x) }
                    if let n = value.intValue, !isPrice, case .int = value { return Format.integer(n) }
                    return Format.value(value)
                }
                let change = field.old?.doubleValue.flatMap { a in
                    field.new?.doubleValue.flatMap { b in Format.percentChange(from: a, to: b).map(Format.percent) }
                } ?? ""
                rows.append([lab.lab, model, field.field, show(field.old), show(field.new), change])
            }
        }
        out.table("Changed (prices per million tokens)", header: ["lab", "model", "field", "before", "after", "change"],
                  rightAligned: [3, 4, 5], rows: rows)
    }
}
