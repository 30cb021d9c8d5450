import SeekCore
import Sizing

/// The hardware charts: model size vs. score, and 8-GPU node rental prices over time.
extension TrendsPage {
    /// The reference's fixed node order (§1.7), then any other logged GPU by name.
    static func nodeOrder(_ names: Set<String>) -> [String] {
        let fixed = ["B300", "B200", "H200", "H100", "A100", "RTXPRO6000"]
        return fixed.filter(names.contains) + names.subtracting(fixed).sorted()
    }

    static func sizeSection(_ data: TrendData) -> TrendSection {
        let (ranked, unranked) = data.modelSize
        let maxVram = (ranked + unranked).map(\.minVramGB).max() ?? 0
        let maxScore = ranked.compactMap(\.score).max()
        let xTicks = NiceTicks.forRange(min: 0, rawMax: (maxVram * 1.1).rounded(.up))
        let yTicks = NiceTicks.forRange(min: 0, rawMax: maxScore.map { ($0 * 1.15).rounded(.up) } ?? 100)
        func vram(_ v: Double) -> String { ChartNumber.grouped(v, 0) }
        let chart = SVGChart(
            id: "size-chart", title: "How Big Are Open Models?",
            summary: "Scatter chart of \(ranked.count) ranked open-weights models by minimum VRAM and \(data.scoreTitle.lowercased()), "
                + "and \(unranked.count) unranked models on the x axis by size only.",
            x: ChartAxis(title: "Min VRAM (GB)", lower: 0, upper: xTicks.last ?? 1,
                         ticks: xTicks.map { ChartTick(value: $0, label: vram($0)) }, rotatedLabels: false),
            y: .linear(title: data.scoreTitle, ticks: yTicks) { ChartNumber.fixed($0, 0) },
            series: [
                ChartSeries(name: "Ranked — size vs. score", color: .c2, style: .scatter, dotRadius: 5, avoidLabelCollisions: true,
                            points: ranked.map { p in
                                ChartPoint(x: p.minVramGB, y: p.score, label: p.modelName,
                                           title: "\(p.modelName): score \(ChartNumber.fixed(p.score ?? 0)), min \(vram(p.minVramGB)) GB VRAM")
                            }),
                ChartSeries(name: "Unranked — on the x-axis, size only", color: .muted, style: .scatter, dotRadius: 5,
                            avoidLabelCollisions: true, points: unranked.map { p in
                                ChartPoint(x: p.minVramGB, y: 0, label: p.modelName,
                                           title: "\(p.modelName): unranked, min \(vram(p.minVramGB)) GB VRAM")
                            }),
            ])
        let table = ChartDataTable(
            caption: "Open-weights models by minimum VRAM and \(data.scoreTitle.lowercased())",
            columns: ["Model", "Score", "Min VRAM (GB)", "Parameters (B)"], numericColumns: [1, 2, 3],
            rows: ranked.map { [$0.modelName, ChartNumber.fixed($0.score ?? 0), vram($0.minVramGB), $0.paramsB.map { ChartNumber.fixed($0) } ?? "—"] }
                + unranked.map { p in
                    [p.modelName, "Unranked", vram(p.minVramGB),
                     data.content.models.first { $0.modelName == p.modelName }.map { ChartNumber.fixed($0.learnableParamsB) } ?? "—"]
                })
        return TrendSection(
            id: "size", tab: "Model Size", title: "How Big Are Open Models?",
            description: "Minimum VRAM needed to serve each open-source model (weights × 1.15). Ranked models are placed by their score on "
                + "\(data.display); unranked models (size known, no OpenHands Index result yet) sit on the x-axis, by size only.",
            chart: ranked.isEmpty && unranked.isEmpty ? nil : chart, table: table, emptyMessage: "Not enough data for this category.")
    }

    static func nodePriceSection(_ data: TrendData) -> TrendSection {
        let rows = data.content.nodePrices.monthlyTrend(assumptions: data.content.assumptions)
        let nodes = nodeOrder(Set(rows.flatMap { $0.monthlyCost.keys }))
        let top = rows.flatMap { $0.monthlyCost.values }.max() ?? 0
        let chart = SVGChart(
            id: "nodes-chart", title: "Are GPU Nodes Getting Cheaper to Rent?",
            summary: "Line chart of the cheapest monthly rental price of 8-GPU nodes of \(nodes.joined(separator: ", ")) "
                + "at \(rows.count) recorded price changes.",
            x: ChartAxis.categories(title: "Date of the price change", Day.axisLabels(rows.map(\.day)), maxLabels: 10),
            y: .linear(title: "USD per month", ticks: NiceTicks.forRange(min: 0, rawMax: top), format: thousands),
            series: nodes.enumerated().map { index, gpu in
                ChartSeries(name: "8× \(gpu)", color: .cycling(index), dotRadius: 2, points: rows.enumerated().map { i, row in
                    ChartPoint(x: Double(i), y: row.monthlyCost[gpu], label: nil,
                               title: "\(SiteFormat.date(row.day)): 8× \(gpu) \(SiteFormat.perMonth(row.monthlyCost[gpu] ?? 0))/mo")
                })
            })
        let table = ChartDataTable(
            caption: "Cheapest monthly price of an 8-GPU node at each recorded change",
            columns: ["Date"] + nodes.map { "8× \($0)" }, numericColumns: Set(1...max(1, nodes.count)),
            rows: rows.map { row in [SiteFormat.date(row.day)] + nodes.map { row.monthlyCost[$0].map(SiteFormat.perMonth) ?? "—" } })
        return TrendSection(
            id: "nodes", tab: "GPU Node Price", title: "Are GPU Nodes Getting Cheaper to Rent?",
            description: "Cheapest monthly rental cost for an 8× GPU node, tracked at each price change (720 hours a month). "
                + "A gap means no provider listed that node that day.",
            chart: rows.count < 2 || nodes.isEmpty ? nil : chart, table: table,
            emptyMessage: rows.count == 1 && !nodes.isEmpty
                ? "One price change recorded so far (\(SiteFormat.date(rows[0].day))): a trend needs a second one, so the prices "
                    + "are in the table below; the chart appears with the next recorded change."
                : "Not enough data yet.",
            tableWithoutChart: rows.count == 1 && !nodes.isEmpty)
    }
}
