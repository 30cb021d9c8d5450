/// An `https` output could not deliver: a missing environment variable, a refused request, retries used up, a
/// network failure.
///
/// The ``message`` never holds header values that came from the environment, nor the URL's query or user info.
public struct HTTPSOutputError: Error, Sendable, CustomStringConvertible {
    /// What failed, e.g. `POST https://h/p answered HTTP 400 (batch 1 of 3, records 1–2, attempt 1 of 4): bad field`.
    public var message: String
    /// The status of the last response, when the server answered.
    public var status: Int?
    /// How many requests were made for the failing batch.
    public var attempts: Int

    /// Creates an error.
    public init(message: String, status: Int? = nil, attempts: Int = 0) {
        self.message = message
        self.status = status
        self.attempts = attempts
    }

    public var description: String { message }
}
