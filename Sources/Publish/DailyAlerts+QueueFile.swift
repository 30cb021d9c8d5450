import SeekCore

extension DailyAlerts {
    /// Reads the alerts `seekgpu generate --alerts-file PATH` wrote: a JSON array of `{"subject", "body"}`.
    /// - Parameter bytes: the file's contents.
    /// - Returns: the alerts in file order.
    /// - Throws: ``AlertQueueFileError`` when the bytes are not such an array.
    public static func alerts(fromQueueFile bytes: [UInt8]) throws(AlertQueueFileError) -> [Alert] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw AlertQueueFileError(message: "the alerts file is not JSON: \(error)")
        }
        guard let items = value.arrayValue else {
            throw AlertQueueFileError(message: "the alerts file must hold a JSON array of {\"subject\", \"body\"}")
        }
        var alerts: [Alert] = []
        for (index, item) in items.enumerated() {
            guard let subject = item["subject"]?.stringValue, let body = item["body"]?.stringValue else {
                throw AlertQueueFileError(message: "alert \(index + 1) of the alerts file lacks a string subject or body")
            }
            alerts.append(Alert(subject: subject, body: body))
        }
        return alerts
    }
}

/// The alerts file written by `seekgpu generate --alerts-file` could not be read.
public struct AlertQueueFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the file.
    public var message: String

    /// Creates an error.
    public init(message: String) { self.message = message }

    public var description: String { message }
}
