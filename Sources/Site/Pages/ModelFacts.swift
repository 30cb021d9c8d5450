import Plot
import SeekCore
import Sizing

/// The facts line under a model's name: `671 B total · 37.7 B active · min 712 GB VRAM`, then badges
/// for the checkpoint precision, MoE, the attention kind (MLA, hybrid) and the licence.
struct ModelFacts {
    var model: ModelSpec
    var assumptions: SizingAssumptions

    /// The parameter and memory figures.
    var text: String { segments.joined(separator: " · ") }

    /// The figures one by one (each kept on one line): `427 B (26.5 B active)`, `min 982 GB VRAM`, `1M context`.
    var segments: [String] {
        let total = SiteFormat.number(model.learnableParamsB, digits: model.learnableParamsB >= 100 ? 0 : 1) + " B"
        let active = isMoE ? " (" + SiteFormat.number(model.activeParamsB, digits: 1) + " B active)" : ""
        return [total + active, "min " + SiteFormat.gigabytes(model.minVRAMGB(assumptions: assumptions).rounded(.up)) + " VRAM"]
            + (model.contextLength.map { [Self.tokens($0) + " context"] } ?? [])
    }

    /// A context length: `262k`, `1M`, `1.5M`.
    static func tokens(_ n: Int) -> String {
        n >= 1_000_000 ? SiteFormat.number(Double(n) / 1_048_576 >= 0.95 && n % 1_048_576 == 0 ? Double(n) / 1_048_576 : Double(n) / 1_000_000,
                                           digits: n % 1_000_000 == 0 || n % 1_048_576 == 0 ? 0 : 1) + "M"
            : SiteFormat.number(Double(n) / 1000) + "k"
    }

    /// Whether only part of the weights is active per token (a mixture of experts).
    var isMoE: Bool { model.activeParamsB < model.learnableParamsB * 0.95 }

    /// The badges, in display order.
    var badges: [String] {
        var badges: [String] = []
        if let precision = model.precision, !precision.isEmpty { badges.append(precision.uppercased()) }
        if isMoE { badges.append("MoE") }
        switch model.attentionType?.lowercased() {
        case "mla": badges.append("MLA")
        case let kind? where kind.contains("hybrid") || kind.contains("linear"): badges.append("Hybrid")
        default: break
        }
        return badges
    }

    var node: Node<HTML.BodyContext> {
        .div(escapedAttribute("class", "facts"),
             .forEach(segments.enumerated()) { index, segment in
                 .group(.if(index > 0, .text(" · ")), .span(escapedAttribute("class", "fact"), .text(segment)))
             },
             .forEach(badges) { .span(escapedAttribute("class", "badge"), .text($0)) },
             .unwrap(model.licenseName) { licence in
                 .unwrap(model.licenseURL.flatMap(ExternalLink.safe), { url in
                     .a(escapedAttribute("class", "badge licence"), escapedAttribute("href", url), escapedAttribute("rel", "noopener"),
                        escapedAttribute("title", "\(licence): the licence text"), .text(licence))
                 }, else: .span(escapedAttribute("class", "badge licence"), .text(licence)))
             })
    }
}

/// Display names of models, one rule for the whole site: a name written as a lowercase slug of letters,
/// digits, `-` and `.` that starts with a letter (`claude-opus-4-5`) reads as the lab writes it
/// (`Claude Opus 4.5`); any other name is shown exactly as published.
enum DisplayName {
    static func model(_ name: String) -> String {
        isSlug(name) ? BudgetFormat.modelName(name) : name
    }

    static func isSlug(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
    }
}

/// Links to other sites taken from the data: only `https://` (and `http://`) URLs are linked, so a
/// `javascript:` value in a maintainer file can never become a link.
enum ExternalLink {
    static func safe(_ url: String) -> String? {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? url : nil
    }
}
