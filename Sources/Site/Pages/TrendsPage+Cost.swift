import Plot
import Sizing

/// The self-hosting cost charts: cost of the best open model over time, and cost as streams grow.
extension TrendsPage {
    /// An axis label in thousands of USD: `$43k`, `$42.6k`, `$500` below 1,000.
    static func thousands(_ v: Double) -> String {
        guard abs(v) >= 1000 else { return "$" + ChartNumber.fixed(v, 0) }
        let k = v / 1000
        return "$" + ChartNumber.fixed(k, k.rounded() == k ? 0 : 1) + "k"
    }

    /// `[max(0, min − pad), max + pad]`, pad = spread × `padFraction` or 500 when flat (§1.7), as nice ticks.
    static func paddedTicks(_ values: [Double], padFraction: Double) -> [Double] {
        let low = values.min() ?? 0, high = values.max() ?? 0
        let pad = high > low ? (high - low) * padFraction : 500
        return NiceTicks.covering(lower: max(0, low - pad), upper: high + pad)
    }

    static func costSection(_ data: TrendData) -> TrendSection {
        let points = data.datedCost
        let today = data.todayCost
        let refs = data.referenceCosts
        let ticks = paddedTicks(points.map(\.monthlyCost) + refs.map(\.monthlyCost), padFraction: 0.1)
        let labels = changeLabels(points.map(\.modelName))
        let marks = points.enumerated().map { i, p in
            ChartPoint(x: Double(i), y: p.monthlyCost,
                       label: labels[i].map { "\($0) (\(ChartNumber.fixed(p.score)), \(ChartNumber.fixed(p.modelMemoryGB, 0)) GB)" },
                       title: "\(p.date.chartLabel): \(SiteFormat.money(p.monthlyCost.rounded()))/mo, \(p.modelName) · \(p.gpuSetup), "
                           + "score \(ChartNumber.fixed(p.score)) · weights \(ChartNumber.fixed(p.modelMemoryGB, 0)) GB, "
                           + (p.pricedFromHistory ? "price as recorded then" : "today's price"),
                       hollow: !p.pricedFromHistory)
        }
        let chart = SVGChart(
            id: "cost-chart", title: "Is It Getting Cheaper to Self-Host the Best Open-Source Model?",
            summary: "Line chart of the monthly cost of the cheapest GPU setup serving the best open-weights model with 5 concurrent "
                + "streams, at each change of leader, with dashed reference lines for common GPU setups.",
            x: ChartAxis.categories(title: "Date the leader changed", points.map(\.date.chartLabel)),
            y: .linear(title: "Monthly cost (USD)", ticks: ticks, format: thousands),
            series: [ChartSeries(name: "Cheapest setup for the best open model", color: .c3, labelPlacement: .above(12), points: marks)],
            referenceLines: refs.map { ChartReferenceLine(value: $0.monthlyCost, label: $0.label) },
            extraLegend: (refs.isEmpty ? [] : [ChartLegendItem(label: "Reference GPU setups (today)", color: .muted, mark: .dashed)])
                + [ChartLegendItem(label: "Priced from the recorded price history", color: .c3, mark: .dot),
                   ChartLegendItem(label: "Today's price (no recorded price)", color: .c3, mark: .hollow)])
        let table = ChartDataTable(
            caption: "Cheapest setup for the best open-weights model at 5 streams, \(data.display)",
            columns: ["Date", "Best open model", "Score", "Weights (GB)", "Setup", "Monthly cost", "Priced from",
                      "Setup at today's prices", "Monthly cost at today's prices"],
            numericColumns: [2, 3, 5, 8],
            rows: points.map { p in
                let now = today.first { $0.date == p.date && $0.modelName == p.modelName }
                return [p.date.iso, p.modelName, ChartNumber.fixed(p.score), ChartNumber.fixed(p.modelMemoryGB, 0), p.gpuSetup,
                        SiteFormat.money(p.monthlyCost), p.pricedFromHistory ? "price history" : "today's prices",
                        now?.gpuSetup ?? "—", now.map { SiteFormat.money($0.monthlyCost) } ?? "—"]
            })
        let logged = data.content.nodePrices.series.flatMap { $0.prices.map(\.gpuName) }
        let nodes = nodeOrder(Set(logged)).map { "8× \($0)" }
        var notes: [Node<HTML.BodyContext>] = [
            .text("Computed \(data.settingsPhrase), 720 hours a month. "
                + (nodes.isEmpty
                    ? "There is no recorded price history, so every point uses today's prices."
                    : "Filled points are priced from the node price history recorded on or before that date (it covers "
                        + nodes.joined(separator: ", ") + "); hollow points use today's prices because the history has no price for that setup.")),
        ]
        if !refs.isEmpty {
            notes.append(.text("Dashed lines: the cheapest monthly price today of "
                + refs.map { "\($0.label) (\(SiteFormat.money($0.monthlyCost)))" }.joined(separator: ", ") + "."))
        }
        return TrendSection(
            id: "cost", tab: "Cost Trend", title: "Is It Getting Cheaper to Self-Host the Best Open-Source Model?",
            description: "Monthly cloud cost for the top open source coding LLM over time (5 concurrent streams).",
            chart: points.isEmpty ? nil : chart, table: table, emptyMessage: "Not enough data for this category.", notes: notes)
    }

    static func scalingSection(_ data: TrendData, rootPath: String) -> TrendSection {
        let scaling = data.scaling
        let points = scaling?.points ?? []
        let name = scaling?.model.modelName ?? ""
        let refs = data.referenceCosts
        let samples = points.map { Double($0.concurrency) }
        let chart = SVGChart(
            id: "scaling-chart", title: "What Does It Cost to Scale Agents?",
            summary: "Line chart of the monthly cost of the cheapest GPU setup for \(name) at \(points.count) concurrency levels, "
                + "with its GPU utilisation on a second axis.",
            x: .linear(title: "Concurrent streams", ticks: NiceTicks.forRange(min: 0, rawMax: samples.max() ?? 0)) { ChartNumber.fixed($0, 0) },
            y: .linear(title: "Monthly cost (USD)", ticks: paddedTicks(points.map(\.monthlyCost), padFraction: 0.15), format: thousands),
            y2: .linear(title: "GPU utilisation", ticks: percentTicks) { "\(ChartNumber.fixed($0, 0))%" },
            series: [
                ChartSeries(name: "Monthly cost", color: .c4, dotRadius: 3, points: points.map { p in
                    ChartPoint(x: Double(p.concurrency), y: p.monthlyCost, label: nil,
                               title: "\(p.concurrency) concurrent stream\(p.concurrency == 1 ? "" : "s"): "
                                   + "\(SiteFormat.money(p.monthlyCost.rounded()))/mo, \(p.gpuSetup), \(p.gpuUtilisation) % utilisation")
                }),
                ChartSeries(name: "GPU utilisation", color: .c5, style: .dashed, axis: .right, dotRadius: 2, points: points.map { p in
                    ChartPoint(x: Double(p.concurrency), y: Double(p.gpuUtilisation), label: nil,
                               title: "\(p.concurrency) concurrent stream\(p.concurrency == 1 ? "" : "s"): \(p.gpuUtilisation) % utilisation")
                }),
            ],
            referenceLines: refs.map { ChartReferenceLine(value: $0.monthlyCost, label: $0.label) })
        let table = ChartDataTable(
            caption: "Cheapest setup for \(name) per number of concurrent streams",
            columns: ["Concurrent streams", "Setup", "Monthly cost", "GPU utilisation"], numericColumns: [0, 2, 3],
            rows: points.map { [String($0.concurrency), $0.gpuSetup, SiteFormat.money($0.monthlyCost), "\($0.gpuUtilisation) %"] })
        let largest = data.content.assumptions.scalingSamples.max() ?? 0
        let last = points.last?.concurrency ?? 0
        var note: [Node<HTML.BodyContext>] = [
            .text("Computed \(data.settingsPhrase). Utilisation = streams ÷ the setup's maximum concurrent streams. "
                + (last < largest ? "The curve ends at \(last) streams: no priced setup serves more. " : "")),
        ]
        if let slug = ModelPage.slug(of: name) {
            note.append(.group(.text("Other setups for this model: "), .a(escapedAttribute("href", rootPath + "models/\(slug)/"), .text(name)), .text(".")))
        }
        return TrendSection(
            id: "scaling", tab: "Scaling Cost", title: "What Does It Cost to Scale Agents?",
            description: "Monthly self-hosting costs as you add concurrent coding streams for \(name), the best open model on \(data.display).",
            chart: points.isEmpty ? nil : chart, table: table, emptyMessage: "No scaling data available.",
            notes: [.group(note)])
    }
}
