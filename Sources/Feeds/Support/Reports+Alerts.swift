import SeekCore

extension ModelRunReport {
    /// One alert per unsupported architecture and per open-weights model without a mapping.
    public var alerts: [Alert] {
        unsupported.map { model, reason in
            Alert(subject: "Unsupported architecture for \(model)",
                  body: "\(reason)\n\nAdd its model_type to config/model-architectures.yaml (a family with the right "
                      + "counter and keys), then rerun `seekgpu generate --step models`.")
        } + unmapped.map { model in
            Alert(subject: "Missing Hugging Face mapping for \(model)",
                  body: "\(model) is an open-weights model of the latest leaderboard, but config/models.yaml does not "
                      + "list it, so it cannot be sized. Add it with its hf_repo and license.")
        }
    }
}

extension PriceRunReport {
    /// One alert per provider whose catalog changed format.
    public var alerts: [Alert] {
        failures.filter(\.isFormatChange).map { failure in
            Alert(subject: "Data format breaking change in gpuhunt/\(failure.provider)",
                  body: "\(failure.reason)\n\nThe provider's earlier rows are kept (marked stale in gpu_source.json) "
                      + "until the catalog reader is updated.")
        }
    }
}

extension APIPricingReport {
    /// One alert per selected model of an optional lab without a LiteLLM price.
    public var alerts: [Alert] {
        missing.map { price in
            Alert(subject: "Missing LiteLLM pricing entry for \(price.model)",
                  body: "\(price)\n\nAdd the model's LiteLLM key to litellm_id_map in config/api-pricing.yaml.")
        }
    }
}

extension SnapshotRunReport {
    /// One alert when commits dated after the run's start were skipped for the first time (a skewed
    /// clock in the index); a commit still listed from an earlier run is not alerted again.
    public var alerts: [Alert] {
        guard !newFutureCommits.isEmpty else { return [] }
        let commits = newFutureCommits
        let list = commits.prefix(10).map { "  - \($0.id.hex) dated \(Day.utcTimestamp($0.committerTime))" }
        let more = commits.count > 10 ? ["  - … and \(commits.count - 10) more"] : []
        return [Alert(subject: "Index commits dated in the future",
                      body: "\(commits.count) commit\(commits.count == 1 ? " of the OpenHands Index is" : "s of the OpenHands Index are") "
                          + "dated after this run started, so their leaderboards were not published (snapshots stop at today, UTC):\n"
                          + (list + more).joined(separator: "\n")
                          + "\n\nThe committer's clock was probably wrong. Nothing needs doing if the date is close; otherwise ask "
                          + "the index maintainers to fix the commit's date. Later runs list them in the summary and do not "
                          + "alert again.")]
    }
}
