/// The Budget persona (stub: filled in by the Budget work).
enum BudgetPage {
    /// The Budget pages for `content`, each with a scenario region.
    static func pages(_ content: SiteContent) -> [ScenarioPage] { [] }
}
