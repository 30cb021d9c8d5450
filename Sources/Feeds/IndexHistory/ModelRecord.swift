import SeekCore

/// What one `results/<dir>/` of the index says about a model, before names are normalised.
public struct ModelRecord: Sendable, Equatable {
    /// One entry of `scores.json` that has a benchmark and a score.
    public struct Score: Sendable, Equatable {
        /// The `benchmark` value, whitespace-trimmed (e.g. `swe-bench`).
        public var benchmark: String
        /// The score in percent.
        public var score: Double
        /// `cost_per_instance` in USD, when given (older data had only `total_cost`, ignored).
        public var costPerInstance: Double?

        /// Creates a score.
        public init(benchmark: String, score: Double, costPerInstance: Double?) {
            self.benchmark = benchmark
            self.score = score
            self.costPerInstance = costPerInstance
        }
    }

    /// metadata.json `model`, whitespace-trimmed, before overrides and renames.
    public var model: String
    /// metadata.json `openness`; nil when absent or when scores.json is not valid JSON
    /// (as the reference does).
    public var openness: String?
    /// The usable scores, in file order.
    public var scores: [Score]

    /// Creates a record.
    public init(model: String, openness: String?, scores: [Score]) {
        self.model = model
        self.openness = openness
        self.scores = scores
    }
}

/// The pure half of reading a model directory: bytes of metadata.json and scores.json in,
/// a ``ModelRecord`` or the reason the directory is skipped out.
public enum ModelRecordParser {
    /// What metadata.json says: the model name and openness, or why it is unusable.
    public enum Metadata: Sendable, Equatable {
        /// A usable file.
        case valid(model: String, openness: String?)
        /// The file is not strict JSON, or not an object.
        case invalid(reason: String)
        /// The file is valid but its `model` is missing or blank.
        case noModelName
    }

    /// What scores.json says.
    public enum Scores: Sendable, Equatable {
        /// The usable entries, in file order, and the entries rejected as invalid (decisions 21).
        case valid([ModelRecord.Score], rejected: [RejectedEntry])
        /// The file is not strict JSON, or not an array.
        case invalid(reason: String)
    }

    /// A scores.json entry that names a benchmark but whose score or cost cannot be used: it is
    /// skipped, listed, and never ranked (decisions 21).
    public struct RejectedEntry: Sendable, Equatable {
        /// 1-based position in the file's array.
        public var entry: Int
        /// What is wrong, quoting the value, e.g. `swe-bench score 1e+308 is outside 0–100`.
        public var reason: String
    }

    /// Parses metadata.json bytes.
    public static func metadata(_ bytes: [UInt8]) -> Metadata {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return .invalid(reason: error.description)
        }
        guard let object = value.objectValue else { return .invalid(reason: "not a JSON object") }
        let model = object["model"]?.stringValue?.trimmingWhitespace() ?? ""
        guard !model.isEmpty else { return .noModelName }
        return .valid(model: model, openness: object["openness"]?.stringValue)
    }

    /// Parses scores.json bytes. Entries without a benchmark are dropped, as the reference drops
    /// them; an entry whose score is not a finite number in 0…100, or whose `cost_per_instance` is
    /// not null and not a finite number ≥ 0, is rejected and listed (decisions 21).
    public static func scores(_ bytes: [UInt8]) -> Scores {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return .invalid(reason: error.description)
        }
        guard let items = value.arrayValue else { return .invalid(reason: "not a JSON array") }
        var scores: [ModelRecord.Score] = []
        var rejected: [RejectedEntry] = []
        scores.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            guard let object = item.objectValue,
                  let benchmark = object["benchmark"]?.stringValue?.trimmingWhitespace(), !benchmark.isEmpty
            else { continue }
            let score = object["score"] ?? .null
            guard let number = score.doubleValue, number.isFinite, (0...100).contains(number) else {
                let problem = score.doubleValue == nil ? "is not a number" : "is outside 0–100"
                rejected.append(RejectedEntry(entry: position + 1, reason: "\(benchmark) score \(written(score)) \(problem)"))
                continue
            }
            let cost = object["cost_per_instance"] ?? .null
            guard cost.isNull || cost.doubleValue.map({ $0.isFinite && $0 >= 0 }) == true else {
                let problem = cost.doubleValue == nil ? "is not a number" : "is not a finite amount ≥ 0"
                rejected.append(RejectedEntry(entry: position + 1,
                                              reason: "\(benchmark) cost_per_instance \(written(cost)) \(problem)"))
                continue
            }
            scores.append(.init(benchmark: benchmark, score: number, costPerInstance: cost.doubleValue))
        }
        return .valid(scores, rejected: rejected)
    }

    /// A JSON value as a message quotes it: numbers as Python prints them, text in quotes.
    private static func written(_ value: JSONValue) -> String {
        switch value {
        case .double(let number): PythonFloat.repr(number)
        case .string(let text): "'\(text.prefix(40))'"
        default: String(decoding: CanonicalJSON.encode(value, trailingNewline: false).prefix(40), as: UTF8.self)
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace (as Python's `str.strip()`).
    func trimmingWhitespace() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return self }
        var scalars = Substring(self).unicodeScalars
        while let head = scalars.first, head.properties.isWhitespace { scalars.removeFirst() }
        while let tail = scalars.last, tail.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
