import Plot
import SeekCore
import Sizing

/// The model page's comparison with the best closed API: the verdict at
/// ``APIVerdict/defaultRequestsPerMonth`` (what the Performance matrix shows) and the break-even volume
/// of one box, with the assumptions stated.
struct APIBreakEven {
    var model: ModelSpec
    /// The model's priced setups (one stream and up).
    var setups: [GPUSetup]
    var api: APIPrice
    var search: SetupSearch

    var node: Node<HTML.BodyContext> {
        let verdict = APIVerdict(setups: setups, api: api, settings: search.settings, assumptions: search.assumptions)
        let apiName = DisplayName.model(api.modelName)
        return .section(
            escapedAttribute("class", "api-verdict"),
            escapedAttribute("aria-labelledby", "api-verdict-title"),
            .h2(escapedAttribute("id", "api-verdict-title"), .text("Self-hosting vs. \(apiName)")),
            .unwrap(verdict, { verdict in
                .group(
                    .p(escapedAttribute("class", "verdict-line"),
                       .strong(.text(SetupsTable.verdictText(verdict))),
                       .text(" than \(apiName) at \(SiteFormat.requests(verdict.requestsPerMonth)) requests per month: "
                           + "\(boxes(verdict)) \(verdict.boxes == 1 ? "costs" : "cost") "
                           + "\(SiteFormat.perMonth(verdict.selfHostedMonthlyCost)) per month, "
                           + "the API \(SiteFormat.perMonth(verdict.apiMonthlyCost)).")),
                    .p(.text(breakEven(verdict, apiName: apiName)))
                )
            }, else: .p(escapedAttribute("class", "empty"),
                        .text(setups.isEmpty
                            ? "No priced setup holds it, so there is no self-hosting cost to compare."
                            : "Throughput is not modeled for this architecture, so there is no self-hosting cost per request to compare."))),
            .p(escapedAttribute("class", "muted"),
               .text("The API's cost assumes \(BudgetAPISection.requestsPerConversation) requests per conversation and a "
                   + "\(SiteFormat.percent(fraction: BudgetAPISection.cacheHitRate, digits: 0)) prompt-cache hit rate with "
                   + "\(SiteFormat.requests(search.settings.avgInputTokens)) input and \(SiteFormat.requests(search.settings.avgOutputTokens)) "
                   + "output tokens per request; a box serves at its modeled capacity. "),
               .a(escapedAttribute("href", "../../budget/"), .text("Budget")), .text(" compares other boxes and volumes."))
        )
    }

    /// `2 boxes of 8× B300`, `one 4× H200 box`.
    private func boxes(_ verdict: APIVerdict) -> String {
        let box = "\(verdict.setup.gpuCount)× \(verdict.setup.gpuName)"
        return verdict.boxes == 1 ? "one \(box) box" : "\(SiteFormat.integer(verdict.boxes)) boxes of \(box)"
    }

    private func breakEven(_ verdict: APIVerdict, apiName: String) -> String {
        let box = "\(verdict.setup.gpuCount)× \(verdict.setup.gpuName)"
        guard let even = verdict.breakEvenRequestsPerMonth else {
            return "Even a full \(box) box costs more per request than \(apiName): there is no break-even."
        }
        let capacity = verdict.setup.deploymentEstimate?.maxRequestsPerMonth(assumptions: search.assumptions)
        return "Break-even: one \(box) box (\(SiteFormat.perMonth(verdict.setup.monthlyCost)) per month) costs what \(apiName) "
            + "does at \(SiteFormat.requests(even)) requests per month"
            + (capacity.map { ", \(SiteFormat.percent(fraction: even / $0, digits: even / $0 < 0.1 ? 1 : 0)) of the box's capacity of \(SiteFormat.requests($0)) requests" } ?? "")
            + ". Above that volume self-hosting is cheaper."
    }
}
