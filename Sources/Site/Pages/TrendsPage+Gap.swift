import SeekCore
import Sizing

/// The three charts over the gap trend's leader changes: scores, % of SOTA and API cost per task.
extension TrendsPage {
    /// A label only where the model differs from the previous point's, so repeated names do not pile up.
    static func changeLabels(_ names: [String]) -> [String?] {
        names.enumerated().map { $0.offset > 0 && names[$0.offset - 1] == $0.element ? nil : $0.element }
    }

    /// 0–100 ticks every 20.
    static let percentTicks = NiceTicks.forRange(min: 0, rawMax: 100)

    static func gapSection(_ data: TrendData) -> TrendSection {
        let points = data.gap
        let x = ChartAxis.categories(title: "Date the leader changed", Day.axisLabels(points.map(\.date)))
        let closedLabels = changeLabels(points.map(\.closedSourceModel))
        let openLabels = changeLabels(points.map(\.openSourceModel))
        let closed = points.enumerated().map { i, p in
            ChartPoint(x: Double(i), y: p.closedSourceScore, label: closedLabels[i],
                       title: "\(SiteFormat.date(p.date)): Closed \(ChartNumber.fixed(p.closedSourceScore)) (\(p.closedSourceModel))")
        }
        let open = points.enumerated().map { i, p in
            ChartPoint(x: Double(i), y: p.openSourceScore, label: openLabels[i],
                       title: "\(SiteFormat.date(p.date)): Open \(ChartNumber.fixed(p.openSourceScore)) (\(p.openSourceModel))")
        }
        let chart = SVGChart(
            id: "gap-chart", title: "Is Open Source Closing the Gap?",
            summary: "Line chart of the best closed and the best open-weights model's \(data.scoreTitle.lowercased()) at each change of leader, "
                + "\(points.count) points from \(points.first?.date.iso ?? "") to \(points.last?.date.iso ?? "").",
            x: x, y: .linear(title: data.scoreTitle, ticks: percentTicks) { ChartNumber.fixed($0, 0) },
            series: [ChartSeries(name: "Best closed model", color: .c1, labelPlacement: .above(12), points: closed),
                     ChartSeries(name: "Best open-weights model", color: .c2, labelPlacement: .below(14), points: open)])
        let table = ChartDataTable(
            caption: "Best closed and open-weights models at each leader change, \(data.display)",
            columns: ["Date", "Best closed model", "Closed score", "Best open model", "Open score", "Gap (points)"],
            numericColumns: [2, 4, 5],
            rows: points.map { p in
                [SiteFormat.date(p.date), p.closedSourceModel, ChartNumber.fixed(p.closedSourceScore), p.openSourceModel,
                 ChartNumber.fixed(p.openSourceScore), ChartNumber.fixed(p.closedSourceScore - p.openSourceScore)]
            })
        return TrendSection(
            id: "gap", tab: "Open vs Closed Gap", title: "Is Open Source Closing the Gap?",
            description: "Best closed vs. open source model scores over time. A point marks each change of either leader; "
                + "scores are the leaders' latest scores, not the scores they had on that date.",
            chart: points.isEmpty ? nil : chart, table: table, emptyMessage: "Not enough data for this category.")
    }

    static func sotaSection(_ data: TrendData) -> TrendSection {
        let points = data.gap
        let labels = changeLabels(points.map(\.openSourceModel))
        let series = points.enumerated().map { i, p in
            let percent = p.percentOfSOTA * 100
            return ChartPoint(x: Double(i), y: percent, label: labels[i],
                              title: "\(SiteFormat.date(p.date)): \(ChartNumber.fixed(percent))%, \(p.openSourceModel)"
                                  + (percent < 100 ? " of \(p.closedSourceModel)" : ""))
        }
        let chart = SVGChart(
            id: "sota-chart", title: "Percentage of SOTA for the Best Open Model",
            summary: "Line chart of the best open-weights model's score as a percentage of the best closed model's, "
                + "\(points.count) points from \(points.first?.date.iso ?? "") to \(points.last?.date.iso ?? "").",
            x: ChartAxis.categories(title: "Date the leader changed", Day.axisLabels(points.map(\.date))),
            y: .linear(title: "% of SOTA", ticks: percentTicks) { "\(ChartNumber.fixed($0, 0))%" },
            series: [ChartSeries(name: "Best open model, % of best closed", color: .c2, labelPlacement: .above(12),
                                 inLegend: false, points: series)])
        let table = ChartDataTable(
            caption: "Best open-weights model as a percentage of the best closed model, \(data.display)",
            columns: ["Date", "Best open model", "Best closed model", "% of SOTA"], numericColumns: [3],
            rows: points.map { [SiteFormat.date($0.date), DisplayName.model($0.openSourceModel), DisplayName.model($0.closedSourceModel),
                               SiteFormat.percent(fraction: $0.percentOfSOTA)] })
        return TrendSection(
            id: "sota", tab: "% of SOTA", title: "Percentage of SOTA for the Best Open Model",
            description: "Best open source model score as a fraction of the best closed source model, over time.",
            chart: points.isEmpty ? nil : chart, table: table, emptyMessage: "Not enough data for this category.")
    }

    static func apiCostSection(_ data: TrendData) -> TrendSection {
        let points = data.efficiency
        let top = ((points.flatMap { [$0.closedSourceCostPerTask, $0.openSourceCostPerTask] }.max() ?? 0) * 1.2 * 100).rounded(.up) / 100
        let ticks = NiceTicks.forRange(min: 0, rawMax: top)
        let closedLabels = changeLabels(points.map(\.closedSourceModel))
        let openLabels = changeLabels(points.map(\.openSourceModel))
        func cost(_ v: Double) -> String { "$" + ChartNumber.fixed(v, 2) }
        let chart = SVGChart(
            id: "api-costs-chart", title: "Are API costs per task lowering?",
            summary: "Line chart of the API cost per task of the best closed and the best open-weights model at each change of leader, "
                + "\(points.count) points.",
            x: ChartAxis.categories(title: "Date the leader changed", Day.axisLabels(points.map(\.date))),
            y: .linear(title: "API cost per task (USD)", ticks: ticks, format: cost),
            series: [
                ChartSeries(name: "Best closed model", color: .c1, labelPlacement: .above(12), points: points.enumerated().map { i, p in
                    ChartPoint(x: Double(i), y: p.closedSourceCostPerTask, label: closedLabels[i],
                               title: "\(SiteFormat.date(p.date)): \(cost(p.closedSourceCostPerTask))/task (\(p.closedSourceModel))")
                }),
                ChartSeries(name: "Best open-weights model", color: .c2, labelPlacement: .below(14), points: points.enumerated().map { i, p in
                    ChartPoint(x: Double(i), y: p.openSourceCostPerTask, label: openLabels[i],
                               title: "\(SiteFormat.date(p.date)): \(cost(p.openSourceCostPerTask))/task (\(p.openSourceModel))")
                }),
            ])
        let table = ChartDataTable(
            caption: "API cost per task of the leaders, \(data.display)",
            columns: ["Date", "Best closed model", "Closed cost per task", "Best open model", "Open cost per task"],
            numericColumns: [2, 4],
            rows: points.map { [SiteFormat.date($0.date), $0.closedSourceModel, cost($0.closedSourceCostPerTask), $0.openSourceModel, cost($0.openSourceCostPerTask)] })
        return TrendSection(
            id: "api-costs", tab: "API costs", title: "Are API costs per task lowering?",
            description: "API-metered cost per task (pay-per-token, not self-hosting) for the best models on \(data.display) "
                + "(as reported by OpenHands Index).",
            chart: points.isEmpty ? nil : chart, table: table, emptyMessage: "Not enough data for this category.")
    }
}
