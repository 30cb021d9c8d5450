import Foundation
import Plot
import SeekCore
import Sizing

/// The API vs. Self-Hosting section (§1.4.2, maths §2.18–2.19): what the best fitting open model
/// costs per request on the selected box, against each lab's closed flagship API.
struct BudgetAPISection {
    /// The serving-capacity points of the page, in §2.15 order.
    var points: [BudgetPoint]
    /// The selected preset.
    var preset: BudgetPreset
    /// models.json rows (to size the open model).
    var models: [ModelSpec]
    /// api_pricing.json rows.
    var apiPrices: [APIPrice]
    /// The scenario's search (settings and constants).
    var search: SetupSearch
    /// Memory utilisation of the scenario, 0…1.
    var memoryUtilization: Double
    /// Whether gpu_specs.json has the GPU's datasheet (without it nothing can be estimated).
    var hasDatasheet: Bool = true

    /// Requests per conversation of the comparison (the reference's default, ``ConversationPattern``'s).
    static let requestsPerConversation = ConversationPattern().requestsPerConversation
    /// Prompt-cache hit rate of the comparison (the reference's default, ``ConversationPattern``'s).
    static let cacheHitRate = ConversationPattern().cacheHitRate
    /// The id of the cost-per-1k table, which the chart's note links to.
    static let ratesTableID = "budget-api-rates"
    /// Monthly volumes of the cost table.
    static let volumes: [Double] = [10_000, 100_000, 1_000_000, 10_000_000]

    /// One closed model's average API cost.
    struct APIRow {
        var price: APIPrice
        var costPerRequest: Double
        var name: String { DisplayName.model(price.modelName) }
    }

    /// The open model compared: the first fitting model whose throughput is modeled (§1.4.2).
    var openModel: BudgetPoint? { points.first { $0.fits && $0.throughputModeled } }

    /// Each closed model's USD per request for the scenario's tokens, 50 requests/conversation, 90 % hits.
    var apiRows: [APIRow] {
        apiPrices.map { price in
            APIRow(price: price, costPerRequest: APIVerdict.apiCostPerRequest(price, settings: search.settings,
                                                                              assumptions: search.assumptions))
        }
    }

    /// The section's nodes.
    var node: Node<HTML.BodyContext> {
        .section(
            escapedAttribute("class", "budget-api"),
            escapedAttribute("aria-labelledby", "budget-api-title"),
            .h2(escapedAttribute("id", "budget-api-title"), .text("API vs. self-hosting")),
            .p(escapedAttribute("class", "lede"),
               .text("Cost per thousand requests at a given monthly volume. An API is metered per request; a self-hosted box "
                   + "costs the same each month however much it serves, so its cost per request falls as it fills, floors at "
                   + "the full-utilization cost, and steps up when another box is added. Break-even is where self-hosting "
                   + "undercuts an API, with the box utilization (requests served ÷ monthly capacity) it needs.")),
            .p(escapedAttribute("class", "muted"),
               .text("API costs assume \(Self.requestsPerConversation) requests per conversation and a "
                   + "\(SiteFormat.percent(fraction: Self.cacheHitRate, digits: 0)) prompt-cache hit rate, with the token counts of the "
                   + "settings above.")),
            body
        )
    }

    private var body: Node<HTML.BodyContext> {
        guard !apiPrices.isEmpty else { return message("No API pricing data available.") }
        guard let open = openModel, let model = models.first(where: { $0.modelName == open.modelName }) else {
            return .group(
                message(hasDatasheet
                    ? "No model with modeled throughput fits \(preset.config.label), so there is no self-hosting cost to compare."
                    : "Throughput cannot be estimated without a datasheet for \(preset.config.gpuName), so there is no "
                        + "self-hosting cost to compare."),
                servedList
            )
        }
        guard let cost = SelfHostingCost(model: model, gpuName: preset.config.gpuName, gpuCount: preset.config.gpuCount,
                                         totalVramGB: preset.config.totalVramGB, search: search,
                                         memoryUtilization: memoryUtilization) else {
            return .group(message("No GPU offering found for the selected GPU configuration."), servedList)
        }
        let rows = apiRows
        let breakEvens = cost.breakEvens(apiCosts: rows.map { ($0.price.modelName, $0.costPerRequest) })
        return .group(
            .p(escapedAttribute("class", "budget-box"),
               .text("Self-hosting "), .strong(.text(open.modelName)), .text(" on "),
               .strong(.text("\(preset.config.gpuCount)× \(preset.config.gpuName)")), .text(" · "),
               .strong(.text(SiteFormat.perMonth(cost.baseMonthlyCost) + "/mo")),
               .unwrap(cost.maxRequestsPerMonth) { capacity in
                   .text(" · up to \(SiteFormat.requests(capacity)) requests/month per box")
               }),
            .if(breakEvens.isEmpty, message(noBreakEven(cost: cost, model: open.modelName))),
            BudgetAPIChart(rows: rows, cost: cost, breakEvens: breakEvens, openModel: open.modelName,
                           boxLabel: "\(preset.config.gpuCount)× \(preset.config.gpuName)").chart.render(),
            .p(escapedAttribute("class", "chart-note"),
               .text("Each dot marks where self-hosting undercuts an API, labelled with the box utilization it needs. "
                   + "The exact values are in "), .a(escapedAttribute("href", "#\(Self.ratesTableID)"), .text("the table below")),
               .text(".")),
            perThousandTable(rows: rows, cost: cost, breakEvens: breakEvens, openModel: open.modelName),
            monthlyTable(rows: rows, cost: cost, openModel: open.modelName),
            servedList
        )
    }

    private func noBreakEven(cost: SelfHostingCost, model: String) -> String {
        let floor = cost.floorCostPerRequest.map(BudgetFormat.perThousand) ?? "—"
        return "At this box's full-utilization cost (\(floor) / 1k req), self-hosting \(model) stays pricier than every "
            + "API option shown — no break-even."
    }

    private func perThousandTable(rows: [APIRow], cost: SelfHostingCost, breakEvens: [BreakEven],
                                  openModel: String) -> Node<HTML.BodyContext> {
        let caption = "Cost per 1k requests and break-even volume"
        return scrollRegion(label: caption, .table(
            escapedAttribute("id", Self.ratesTableID),
            escapedAttribute("class", "budget-table api-rates"),
            .caption(.text(caption)),
            .thead(.tr(
                .th(escapedAttribute("scope", "col"), .text("Option")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Cost / 1k requests")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Break-even volume")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Box utilization at break-even"))
            )),
            .tbody(
                .forEach(rows) { row in
                    let even = breakEvens.first { $0.modelName == row.price.modelName }
                    return .tr(
                        escapedAttribute("data-api-model", row.price.modelName),
                        .th(escapedAttribute("scope", "row"), .text(row.name),
                            .span(escapedAttribute("class", "muted"), .text(" \(BudgetFormat.labName(row.price.lab)) API"))),
                        .td(escapedAttribute("class", "num"),
                            .text(row.costPerRequest > 0 ? BudgetFormat.perThousand(row.costPerRequest) : "no price")),
                        .td(escapedAttribute("class", "num"),
                            .text(even.map { "\(SiteFormat.requests($0.requestsPerMonth)) requests/mo" } ?? "no break-even")),
                        .td(escapedAttribute("class", "num"),
                            .text(even?.utilizationPercent.map { "\(BudgetFormat.utilization($0)) used" } ?? "—"))
                    )
                },
                .tr(
                    escapedAttribute("class", "self-hosting"),
                    .th(escapedAttribute("scope", "row"), .text("Self-hosting \(openModel)"),
                        .span(escapedAttribute("class", "muted"), .text(" at full utilization"))),
                    .td(escapedAttribute("class", "num"),
                        .text(cost.floorCostPerRequest.map { "\(BudgetFormat.perThousand($0)) / 1k req" } ?? "—")),
                    .td(escapedAttribute("class", "num"),
                        .text(cost.maxRequestsPerMonth.map { "\(SiteFormat.requests($0)) requests/mo" } ?? "—")),
                    .td(escapedAttribute("class", "num"), .text(cost.maxRequestsPerMonth == nil ? "—" : "100% used"))
                )
            )
        ))
    }

    private func monthlyTable(rows: [APIRow], cost: SelfHostingCost, openModel: String) -> Node<HTML.BodyContext> {
        let caption = "Monthly cost by volume"
        let options: [(name: String, costAt: (Double) -> Double, note: (Double) -> String?)] =
            rows.filter { $0.costPerRequest > 0 }.map { row in
                (row.name + " API", { row.costPerRequest * $0 }, { _ in nil })
            } + [("Self-hosting \(openModel)", { cost.stepCost(requestsPerMonth: $0) }, { volume in
                guard let c = cost.maxRequestsPerMonth, c > 0 else { return nil }
                let boxes = max(1, Int((volume / c).rounded(.up)))
                return SiteFormat.count(boxes, "box", plural: "boxes")
            })]
        let cheapest = Self.volumes.map { v in options.map { $0.costAt(v) }.min() ?? 0 }
        return scrollRegion(label: caption, .table(
            escapedAttribute("class", "budget-table api-monthly"),
            .caption(.text(caption)),
            .thead(.tr(
                .th(escapedAttribute("scope", "col"), .text("Requests / month")),
                .forEach(Self.volumes) { v in
                    .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text(SiteFormat.requests(v)))
                }
            )),
            .tbody(.forEach(options) { option in
                .tr(
                    .th(escapedAttribute("scope", "row"), .text(option.name)),
                    .forEach(Array(Self.volumes.enumerated())) { index, v in
                        let value = option.costAt(v)
                        let text = SiteFormat.perMonth(value)
                        return .td(
                            escapedAttribute("class", "num"),
                            value == cheapest[index] ? .strong(.text(text + "/mo")) : .text(text + "/mo"),
                            .unwrap(option.note(v)) { .span(escapedAttribute("class", "muted"), .text(" (\($0))")) }
                        )
                    }
                )
            })
        ))
    }

    /// The fitting modeled models (first in bold), then the fitting unmodeled ones (§1.4.2).
    private var servedList: Node<HTML.BodyContext> {
        let served = points.filter { $0.fits && $0.throughputModeled }
        let excluded = points.filter { $0.fits && !$0.throughputModeled }.map(\.modelName)
        return .group(
            .if(!served.isEmpty, .group(
                .h3(.text("Models served by this GPU config")),
                .ul(escapedAttribute("class", "budget-served"), .forEach(Array(served.enumerated())) { index, point in
                    let text = Self.servedText(point)
                    return .li(index == 0 ? .strong(.text(text)) : .text(text))
                })
            )),
            .if(!excluded.isEmpty, .p(
                escapedAttribute("class", "budget-note"),
                .text("Capacity is not modeled for these architectures, so they're excluded above: \(excluded.joined(separator: ", ")).")
            ))
        )
    }

    /// `Kimi-K2.6 (70% of SOTA at 8.5k req/h)`; each part left out when unknown.
    static func servedText(_ point: BudgetPoint) -> String {
        let parts = [point.percentOfSOTA.map { "\(SiteFormat.percent($0)) of SOTA" },
                     point.requestsPerHour.map { "\(BudgetFormat.servedRequestsPerHour($0)) req/h" }].compactMap { $0 }
        return parts.isEmpty ? point.modelName : "\(point.modelName) (\(parts.joined(separator: " at ")))"
    }

    private func message(_ text: String) -> Node<HTML.BodyContext> {
        .p(escapedAttribute("class", "empty"), .text(text))
    }
}
