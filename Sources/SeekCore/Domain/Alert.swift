/// A message for the maintainers, queued by a step and e-mailed by the daily job.
///
/// Steps do not send anything themselves: they return alerts in their reports, so one run
/// sends one message per problem however many steps found it.
public struct Alert: Sendable, Hashable {
    /// The subject line, without the project prefix, e.g. `Unsupported architecture for GLM-6`.
    public var subject: String
    /// Plain-text body saying what happened and what to edit.
    public var body: String

    /// Creates an alert.
    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }

    /// The alert as JSON (`subject`, `body`), for the queue file.
    public var json: JSONValue {
        .object(JSONObject([("subject", .string(subject)), ("body", .string(body))]))
    }
}
