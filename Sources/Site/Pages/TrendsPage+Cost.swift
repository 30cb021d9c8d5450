import Plot
import SeekCore
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
                       label: labels[i].map { "\($0) (\(ChartNumber.fixed(p.score)), \(SiteFormat.gigabytes(p.modelMemoryGB.rounded(.up))))" },
                       title: "\(SiteFormat.date(p.date)): \(SiteFormat.perMonth(p.monthlyCost))/mo, \(p.modelName) · \(p.gpuSetup), "
                           + "score \(ChartNumber.fixed(p.score)) · weights \(SiteFormat.gigabytes(p.modelMemoryGB.rounded(.up))), "
                           + (p.pricedFromHistory ? "price as recorded then" : "today's price"),
                       hollow: !p.pricedFromHistory)
        }
        let chart = SVGChart(
            id: "cost-chart", title: "Is It Getting Cheaper to Self-Host the Best Open-Source Model?",
            summary: "Line chart of the monthly cost of the cheapest GPU setup serving the best open-weights model with 5 concurrent "
                + "streams, at each change of leader, with dashed reference lines for common GPU setups.",
            x: ChartAxis.categories(title: "Date the leader changed", Day.axisLabels(points.map(\.date))),
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
                return [SiteFormat.date(p.date), p.modelName, ChartNumber.fixed(p.score), SiteFormat.number(p.modelMemoryGB.rounded(.up)), p.gpuSetup,
                        SiteFormat.perMonth(p.monthlyCost), p.pricedFromHistory ? "price history" : "today's prices",
                        now?.gpuSetup ?? "—", now.map { SiteFormat.perMonth($0.monthlyCost) } ?? "—"]
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
                + refs.map { "\($0.label) (\(SiteFormat.perMonth($0.monthlyCost))/mo)" }.joined(separator: ", ") + "."))
        }
        return TrendSection(
            id: "cost", tab: "Cost Trend", title: "Is It Getting Cheaper to Self-Host the Best Open-Source Model?",
            description: "Monthly cloud cost for the top open source coding LLM over time (5 concurrent streams).",
            chart: points.isEmpty ? nil : chart, table: table, emptyMessage: "Not enough data for this category.", notes: notes)
    }

    /// How many open models the scaling chart offers (each is a pre-rendered chart in the page).
    static let scalingChoices = 8

    static func scalingSection(_ data: TrendData, rootPath: String) -> TrendSection {
        let (curves, skipped) = data.scalingCurves(limit: Self.scalingChoices)
        let first = curves.first
        let name = first?.model.modelName ?? ""
        let sized = first.map { curve in
            skipped.isEmpty ? "\(curve.model.modelName), the best open model on \(data.display)"
                : "\(curve.model.modelName), the best open model on \(data.display) that can be sized"
        } ?? ""
        let options = curves.enumerated().map { index, curve in
            (value: curve.model.modelName,
             label: curve.model.modelName + (index == 0 ? " (best sized)" : ""),
             content: scalingContent(curve.model, points: curve.points, data: data, rootPath: rootPath,
                                     skipped: index == 0 ? skipped : []))
        }
        return TrendSection(
            id: "scaling", tab: "Scaling Cost", title: "What Does It Cost to Scale Agents?",
            description: "Monthly self-hosting costs as you add concurrent coding streams for \(sized)"
                + (curves.count > 1 ? "; pick another of the \(min(curves.count, Self.scalingChoices)) best sized open models below." : "."),
            chart: first.map { scalingChart($0.model.modelName, points: $0.points, data: data) },
            table: nil, emptyMessage: data.content.search == nil ? "No scaling data available."
                : "No open model of \(data.display) can be sized on a priced setup"
                    + (skipped.isEmpty ? "." : " (\(BudgetFormat.joined(skipped)) could not be)."),
            choice: name.isEmpty ? nil : TrendChoice(label: "Model", options: options))
    }

    static func scalingChart(_ name: String, points: [ScalingPoint], data: TrendData) -> SVGChart {
        let samples = points.map { Double($0.concurrency) }
        return SVGChart(
            id: "scaling-chart", title: "What Does It Cost to Scale Agents?",
            summary: "Line chart of the monthly cost of the cheapest GPU setup for \(name) at \(points.count) concurrency levels, "
                + "with its GPU utilisation on a second axis.",
            x: .linear(title: "Concurrent streams", ticks: NiceTicks.forRange(min: 0, rawMax: samples.max() ?? 0)) { ChartNumber.fixed($0, 0) },
            y: .linear(title: "Monthly cost (USD)", ticks: paddedTicks(points.map(\.monthlyCost), padFraction: 0.15), format: thousands),
            y2: .linear(title: "GPU utilisation", ticks: percentTicks) { "\(ChartNumber.fixed($0, 0))%" },
            series: [
                ChartSeries(name: "Monthly cost", color: .c4, dotRadius: 3, points: points.map { p in
                    ChartPoint(x: Double(p.concurrency), y: p.monthlyCost, label: nil,
                               title: "\(SiteFormat.count(p.concurrency, "concurrent stream")): "
                                   + "\(SiteFormat.perMonth(p.monthlyCost))/mo, \(p.gpuSetup), \(p.gpuUtilisation)% utilisation")
                }),
                ChartSeries(name: "GPU utilisation", color: .c5, style: .dashed, axis: .right, dotRadius: 2, points: points.map { p in
                    ChartPoint(x: Double(p.concurrency), y: Double(p.gpuUtilisation), label: nil,
                               title: "\(SiteFormat.count(p.concurrency, "concurrent stream")): \(p.gpuUtilisation)% utilisation")
                }),
            ],
            referenceLines: data.referenceCosts.map { ChartReferenceLine(value: $0.monthlyCost, label: $0.label) })
    }

    /// One model's chart, notes and table.
    static func scalingContent(_ model: ModelSpec, points: [ScalingPoint], data: TrendData, rootPath: String,
                               skipped: [String]) -> Node<HTML.BodyContext> {
        let name = model.modelName
        let table = ChartDataTable(
            caption: "Cheapest setup for \(name) per number of concurrent streams",
            columns: ["Concurrent streams", "Setup", "Monthly cost", "GPU utilisation"], numericColumns: [0, 2, 3],
            rows: points.map { [String($0.concurrency), $0.gpuSetup, SiteFormat.perMonth($0.monthlyCost),
                                SiteFormat.percent(Double($0.gpuUtilisation), digits: 0)] })
        let largest = data.content.assumptions.scalingSamples.max() ?? 0
        let last = points.last?.concurrency ?? 0
        var note: [Node<HTML.BodyContext>] = [
            .text("Computed \(data.settingsPhrase). Utilisation = streams ÷ the setup's maximum concurrent streams. "
                + (last < largest ? "The curve ends at \(SiteFormat.count(last, "stream")): no priced setup serves more. " : "")),
        ]
        if !skipped.isEmpty {
            note.append(.text("Better-ranked open models left out because they cannot be sized on a priced setup: "
                + BudgetFormat.joined(skipped) + " (the Performance page says why). "))
        }
        if let slug = ModelPage.slug(of: name) {
            note.append(.group(.text("Other setups for this model: "), .a(escapedAttribute("href", rootPath + "models/\(slug)/"), .text(name)), .text(".")))
        }
        return .group(
            scalingChart(name, points: points, data: data).render(),
            .p(escapedAttribute("class", "chart-note"), .group(note)),
            table.render()
        )
    }
}
