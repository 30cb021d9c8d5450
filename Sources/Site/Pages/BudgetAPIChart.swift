import Foundation
import Sizing

/// The "API vs. Self-Hosting Cost" chart (reference-site.md §1.4.2, framing §2.19): cost per 1k requests
/// against monthly volume, a flat line per closed-model API, the self-hosting curve of one box, its
/// full-utilization floor, and a marker at each break-even.
///
/// The x axis is linear from `minX` to `maxX` as in the reference; the y axis stops at `maxY` and the
/// self-hosting curve, which starts far above every API price, is clipped there.
struct BudgetAPIChart {
    /// The closed models with their cost per request (rows without a price draw no line).
    var rows: [BudgetAPISection.APIRow]
    /// The box's cost model.
    var cost: SelfHostingCost
    /// The break-evens, sorted by volume.
    var breakEvens: [BreakEven]
    /// The open model self-hosted.
    var openModel: String
    /// The configuration, e.g. `8× RTXPRO6000`, for the description.
    var boxLabel: String

    /// The SVG's id (unique on the page).
    static let id = "budget-api-chart"
    /// Intervals of the self-hosting curve (241 samples, §2.19).
    static let intervals = 240

    /// The plotted ranges (§2.19 axis framing).
    struct Framing: Equatable {
        /// Smallest volume plotted, requests per month.
        var minX: Double
        /// Largest volume plotted, requests per month.
        var maxX: Double
        /// Top of the y axis, USD per request; values above are clipped.
        var maxY: Double
    }

    /// §2.19: `minX = max(100, round(maxCross × 0.01))`, `maxX = minX + (maxCross − minX) / 0.8` (so the last
    /// break-even sits at 80 % of the width) or `max(2C, 10,000)` without one, `maxY = 1.6 ×` the highest API
    /// price or floor.
    static func framing(apiCosts: [Double], cost: SelfHostingCost, breakEvens: [BreakEven]) -> Framing {
        let maxCross = breakEvens.map(\.requestsPerMonth).max() ?? 0
        let minX = max(100, Double(BudgetFormat.jsRound(maxCross * 0.01)))
        var maxX = maxCross > 0 ? minX + (maxCross - minX) / 0.8 : max(2 * (cost.maxRequestsPerMonth ?? 0), 10_000)
        if maxX <= minX { maxX = minX * 10 }  // a break-even below 100 requests/month: keep a usable range
        let maxAPI = apiCosts.max() ?? 0
        let top = max(maxAPI, cost.floorCostPerRequest ?? 0)
        return Framing(minX: minX, maxX: maxX, maxY: (top > 0 ? top : 1) * 1.6)
    }

    /// The API chart's y ticks (§1.8 `niceYTicks` without extras): 0 and multiples of
    /// `ceil((maxY/4) / 10^k) × 10^k` up to `maxY × 1.01`.
    static func yTicks(maxY: Double) -> [Double] {
        guard maxY > 0, maxY.isFinite else { return [0] }
        let rawStep = maxY / 4
        let magnitude = pow(10, log10(rawStep).rounded(.down))
        let step = (rawStep / magnitude).rounded(.up) * magnitude
        return (0...8).map { Double($0) * step }.filter { $0 <= maxY * 1.01 }
    }

    /// Line-label values (§2.19): by price, highest first, a label closer than `0.06 × maxY` to the one above
    /// moves to `max(previous − gap, gap)`. Returned in the input order.
    static func lineLabelValues(_ prices: [Double], maxY: Double) -> [Double] {
        let gap = 0.06 * maxY
        var values = prices
        var previous: Double?
        for index in prices.indices.sorted(by: { prices[$0] != prices[$1] ? prices[$0] > prices[$1] : $0 < $1 }) {
            if let above = previous, above - prices[index] < gap { values[index] = max(above - gap, gap) }
            previous = values[index]
        }
        return values
    }

    /// The colour of a lab's lines and markers (§1.4.2: anthropic amber, openai blue, google violet, else grey).
    static func color(lab: String) -> ChartColor {
        switch lab {
        case "anthropic": .amber
        case "openai": .blue
        case "google": .violet
        default: .muted
        }
    }

    /// A break-even marker's label: `{util ≥ 10 ? round(util) : util.toFixed(1)}% used` (§1.4.2).
    static func utilizationLabel(_ percent: Double) -> String {
        (percent >= 10 ? String(BudgetFormat.jsRound(percent)) : BudgetFormat.toFixed(percent, 1)) + "% used"
    }

    /// The chart.
    var chart: SVGChart {
        let priced = rows.filter { $0.costPerRequest > 0 }
        let frame = Self.framing(apiCosts: priced.map(\.costPerRequest), cost: cost, breakEvens: breakEvens)
        let labelX = 0.62 * frame.maxX
        let labelValues = Self.lineLabelValues(priced.map(\.costPerRequest), maxY: frame.maxY)
        let apiLines = zip(priced, labelValues).map { row, labelY in
            let price = BudgetFormat.perThousand(row.costPerRequest)
            return ChartSeries(
                name: "\(row.name) API", color: Self.color(lab: row.price.lab), dotRadius: 0, labelPlacement: .above(6),
                lineTitle: "\(row.name) (\(BudgetFormat.labName(row.price.lab)) API): \(price) / 1k requests at any volume",
                points: [ChartPoint(x: frame.minX, y: row.costPerRequest, title: ""),
                         ChartPoint(x: labelX, y: row.costPerRequest, label: row.name, title: "", labelY: labelY),
                         ChartPoint(x: frame.maxX, y: row.costPerRequest, title: "")])
        }
        let samples = (0...Self.intervals).map { i in
            let volume = frame.minX + (frame.maxX - frame.minX) * Double(i) / Double(Self.intervals)
            return ChartPoint(x: volume, y: cost.costPerRequest(requestsPerMonth: volume), title: "")
        }
        let selfHosting = ChartSeries(
            name: "Self-hosting \(openModel)", color: .green, style: .dashed, dotRadius: 0, clipsToPlot: true,
            lineTitle: "Self-hosting \(openModel) on \(boxLabel): \(SiteFormat.perMonth(cost.baseMonthlyCost))/mo per box"
                + (cost.floorCostPerRequest.map { ", at least \(BudgetFormat.perThousand($0)) / 1k requests" } ?? ""),
            points: samples)
        let markers = breakEvens.compactMap { even -> ChartSeries? in
            guard let row = priced.first(where: { $0.price.modelName == even.modelName }) else { return nil }
            let used = even.utilizationPercent.map(Self.utilizationLabel)
            return ChartSeries(
                name: "Break-even with \(row.name)", color: Self.color(lab: row.price.lab), style: .scatter, dotRadius: 5,
                labelPlacement: .aboveRight(7), inLegend: false,
                points: [ChartPoint(x: even.requestsPerMonth, y: row.costPerRequest, label: used,
                                    title: "Break-even with \(row.name): \(SiteFormat.requests(even.requestsPerMonth)) requests/mo"
                                        + (used.map { ", box \($0)" } ?? ""),
                                    hollow: true)])
        }
        let xTicks = NiceTicks.covering(lower: frame.minX, upper: frame.maxX)
        return SVGChart(
            id: Self.id, title: "API vs. Self-Hosting Cost",
            summary: "Line chart of the cost per 1,000 requests against the monthly request volume, from "
                + "\(SiteFormat.requests(frame.minX)) to \(SiteFormat.requests(frame.maxX)) requests: a flat line per "
                + "closed-model API, the dashed cost of self-hosting \(openModel) on \(boxLabel), which falls as the box fills"
                + (cost.floorCostPerRequest.map { " down to \(BudgetFormat.perThousand($0)) per 1,000 requests" } ?? "")
                + ", and a marker at each break-even volume. The table below lists the same values.",
            x: .linear(title: "Requests per month", ticks: xTicks, lower: frame.minX, upper: frame.maxX, format: SiteFormat.requests),
            y: .linear(title: "Cost per 1k requests", ticks: Self.yTicks(maxY: frame.maxY), lower: 0, upper: frame.maxY,
                       format: BudgetFormat.perThousand),
            series: [selfHosting] + apiLines + markers,
            referenceLines: cost.floorCostPerRequest.map {
                [ChartReferenceLine(value: $0, label: "full-utilization \(BudgetFormat.perThousand($0)) / 1k req", fine: true)]
            } ?? [],
            verticalLines: breakEvens.map { ChartVerticalLine(value: $0.requestsPerMonth, label: SiteFormat.requests($0.requestsPerMonth)) },
            extraLegend: breakEvens.isEmpty ? [] : [ChartLegendItem(label: "Break-even (box utilization needed)", color: .muted, mark: .hollow)])
    }
}
