import Export
import Foundation
import SeekCore
import Testing

@Suite struct JSONTransformerTests {
    static let context = TransformContext(runTime: ExportFixture.runTime, inputCount: 2, catalogVersions: ["aws": "20260822-1"])

    func render(_ records: [ExportRecord], _ options: JSONTransformerOptions) throws -> String {
        ExportFixture.text(try Transformer.payload(.json(options), records: records, context: Self.context).bytes())
    }

    @Test func compactIsOneLineWithKeysInFieldOrder() throws {
        let text = try render([ExportFixture.record()], JSONTransformerOptions())
        #expect(text == #"[{"provider":"aws","instance_type":"p5.48xlarge","accelerator_name":"H100","region":"us-east-1","#
                + #""accelerator_count":8,"accelerator_mem_gib":80.0,"quantity":3,"price":98.32,"spot_price":null,"#
                + #""v_cpus":192.0,"memory_gib":2048.0,"availability":"HIGH","collected_at":1787356800}]"# + "\n")
    }

    @Test func prettyPrintIndentsTwoSpaces() throws {
        let text = try render([ExportFixture.record()], JSONTransformerOptions(prettyPrint: true))
        #expect(text.hasPrefix("[\n  {\n    \"provider\": \"aws\",\n    \"instance_type\": \"p5.48xlarge\","))
        #expect(text.hasSuffix("    \"collected_at\": 1787356800\n  }\n]\n"))
        let parsed = try JSONParser.parse(text)
        #expect(parsed == (try JSONParser.parse(try render([ExportFixture.record()], JSONTransformerOptions()))))
    }

    @Test func fieldsSelectRenameAndOrderTheKeysAsGPUPortDoes() throws {
        let fields: [JSONTransformerOptions.Field] = [.init(field: "price", key: "usd_per_hour"), .init(field: "provider"),
                                                      .init(field: "instance_type", key: "instance")]
        let text = try render([ExportFixture.record()], JSONTransformerOptions(fields: fields))
        #expect(text == #"[{"usd_per_hour":98.32,"provider":"aws","instance":"p5.48xlarge"}]"# + "\n")
        let withRaw = try render([ExportFixture.record()], JSONTransformerOptions(fields: fields, includeRawData: true))
        let object = try #require(try JSONParser.parse(withRaw)[0]?.objectValue)
        #expect(object.keys == ["usd_per_hour", "provider", "instance", "raw_data"])
    }

    @Test func rawDataAddsTheCatalogColumnsInCatalogOrder() async throws {
        let input = try await ExportFixture.input()
        let record = try #require(input.records.first)
        let text = try render([record], JSONTransformerOptions(includeRawData: true))
        let raw = try #require(try JSONParser.parse(text)[0]?["raw_data"]?.objectValue)
        #expect(raw.keys == ["instance_name", "location", "price", "cpu", "memory", "gpu_count", "gpu_name", "gpu_memory",
                             "spot", "disk_size", "gpu_vendor", "flags", "cpu_arch", "provider_data"])
        #expect(raw["instance_name"]?.stringValue == record.instanceType)
        #expect(!(try render([record], JSONTransformerOptions())).contains("raw_data"))
    }

    @Test(arguments: [(NullHandling.null, #""spot_price":null"#), (.omit, ""), (.empty, #""spot_price":"""#)])
    func nullHandling(mode: NullHandling, expected: String) throws {
        let text = try render([ExportFixture.record(quantity: nil)], JSONTransformerOptions(nullHandling: mode))
        if expected.isEmpty {
            #expect(!text.contains("spot_price") && !text.contains("quantity"))
        } else {
            #expect(text.contains(expected))
        }
        #expect(text.contains(#""price":98.32"#))
    }

    @Test func batchesRenderTheirOwnSlice() throws {
        let records = [ExportFixture.record(provider: "a"), ExportFixture.record(provider: "b")]
        let payload = Transformer.payload(.json(JSONTransformerOptions()), records: records, context: Self.context)
        let slice = ExportFixture.text(try payload.render(Array(records[1...])))
        #expect(slice.contains(#""provider":"b""#) && !slice.contains(#""provider":"a""#))
        #expect(payload.contentType == "application/json" && payload.fileExtension == "json" && !payload.isSummary)
    }
}

@Suite struct CSVTransformerTests {
    func render(_ records: [ExportRecord], _ options: CSVTransformerOptions) throws -> String {
        let context = TransformContext(runTime: ExportFixture.runTime, inputCount: records.count, catalogVersions: [:])
        return ExportFixture.text(try Transformer.payload(.csv(options), records: records, context: context).bytes())
    }

    @Test func fieldsKeepTheirOrderAndHeaderNames() throws {
        let options = CSVTransformerOptions(columns: [.init(field: "price", header: "USD/h"), .init(field: "provider"),
                                                      .init(field: "accelerator_count")])
        #expect(try render([ExportFixture.record()], options) == "USD/h,provider,accelerator_count\r\n98.32,aws,8\r\n")
    }

    @Test func headersCanBeLeftOutAndDelimiterAndNullValueSet() throws {
        let options = CSVTransformerOptions(columns: [.init(field: "provider"), .init(field: "spot_price"), .init(field: "price")],
                                            includeHeaders: false, delimiter: ";", nullValue: "NA")
        #expect(try render([ExportFixture.record()], options) == "aws;NA;98.32\r\n")
        let defaults = CSVTransformerOptions(columns: [.init(field: "spot_price"), .init(field: "provider")])
        #expect(try render([ExportFixture.record()], defaults) == "spot_price,provider\r\n,aws\r\n")
    }

    @Test func quotesCommasQuotesAndLineBreaksAsRFC4180() throws {
        let record = ExportFixture.record(instanceType: "a,b", acceleratorName: "say \"hi\"", region: "line1\nline2")
        let options = CSVTransformerOptions(columns: [.init(field: "instance_type"), .init(field: "accelerator_name"),
                                                      .init(field: "region"), .init(field: "provider")])
        #expect(try render([record], options)
                == "instance_type,accelerator_name,region,provider\r\n\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\",aws\r\n")
        // With another delimiter, a comma needs no quotes but the delimiter does.
        let tab = CSVTransformerOptions(columns: [.init(field: "instance_type"), .init(field: "provider")], includeHeaders: false,
                                        delimiter: "\t")
        #expect(try render([ExportFixture.record(provider: "x\ty", instanceType: "a,b")], tab) == "a,b\t\"x\ty\"\r\n")
    }

    @Test func fixtureRowsRoundTripThroughAStandardReader() async throws {
        let input = try await ExportFixture.input()
        let options = CSVTransformerOptions(columns: ExportRecord.fieldNames.map { .init(field: $0) })
        let text = try render(input.records, options)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 254)
        #expect(lines[0] == ExportRecord.fieldNames.joined(separator: ","))
    }
}

@Suite struct MetricsTransformerTests {
    static let records = [
        ExportFixture.record(provider: "aws", acceleratorName: "H100", price: 10),
        ExportFixture.record(provider: "aws", acceleratorName: "A100", price: 4),
        ExportFixture.record(provider: "gcp", acceleratorName: "H100", price: nil, spotPrice: 3),
        ExportFixture.record(provider: "gcp", acceleratorName: nil, count: 0, price: 1),
    ]

    func render(_ metrics: [MetricConfig], timestamp: Bool = false, info: Bool = false) throws -> JSONValue {
        let context = TransformContext(runTime: ExportFixture.runTime, inputCount: 10,
                                       catalogVersions: ["gcp": "20260822-1", "aws": "20260821-2"])
        let options = MetricsTransformerOptions(metrics: metrics, includeTimestamp: timestamp, includeCollectionInfo: info)
        let payload = Transformer.payload(.metrics(options), records: Self.records, context: context)
        #expect(payload.isSummary)
        return try JSONParser.parse(try payload.bytes())
    }

    @Test(arguments: [
        (MetricConfig.Aggregate.count, nil as String?, JSONValue.int(4)),
        (.count, "price", .int(3)),
        (.sum, "price", .double(15)),
        (.avg, "price", .double(5)),
        (.min, "price", .double(1)),
        (.max, "price", .double(10)),
        (.sum, "accelerator_count", .int(24)),
        (.unique, "accelerator_name", .int(2)),
        (.avg, "quantity", .double(3)),
    ])
    func eachAggregateOverAllRecords(aggregate: MetricConfig.Aggregate, field: String?, expected: JSONValue) throws {
        let metric = MetricConfig(aggregate: aggregate, field: field)
        let json = try render([metric])
        #expect(json["metrics"]?[metric.name]?["value"] == expected)
        #expect(json["metrics"]?[metric.name]?["type"]?.stringValue == aggregate.rawValue)
        #expect(json["timestamp"] == nil && json["collection_info"] == nil)
    }

    @Test func uniqueListsTheSortedValues() throws {
        let json = try render([MetricConfig(name: "gpus", aggregate: .unique, field: "accelerator_name")])
        #expect(json["metrics"]?["gpus"]?["values"] == ["A100", "H100"])
    }

    @Test func anAggregateOfOnlyNullsIsNull() throws {
        let json = try render([MetricConfig(aggregate: .min, field: "spot_price", groupBy: ["provider"])])
        let groups = try #require(json["metrics"]?["min_spot_price"]?["groups"]?.arrayValue)
        #expect(groups.map { $0["key"]?["provider"]?.stringValue } == ["aws", "gcp"])
        #expect(groups.map { $0["value"] } == [.null, .double(3)])
    }

    @Test(arguments: MetricConfig.Aggregate.allCases)
    func eachAggregateGroupedByTwoFields(aggregate: MetricConfig.Aggregate) throws {
        let field = aggregate == .unique ? "accelerator_name" : "price"
        let metric = MetricConfig(name: "m", aggregate: aggregate, field: field, groupBy: ["provider", "accelerator_name"])
        let json = try render([metric])
        #expect(json["metrics"]?["m"]?["group_by"] == ["provider", "accelerator_name"])
        let groups = try #require(json["metrics"]?["m"]?["groups"]?.arrayValue)
        // Keys sorted by position, null first: (aws, A100), (aws, H100), (gcp, null), (gcp, H100).
        #expect(groups.map { $0["key"]?["provider"]?.stringValue } == ["aws", "aws", "gcp", "gcp"])
        #expect(groups.map { $0["key"]?["accelerator_name"] ?? .string("missing") } == [.string("A100"), .string("H100"), .null, .string("H100")])
        let expected: [JSONValue] = switch aggregate {
        case .count: [.int(1), .int(1), .int(1), .int(0)]
        case .unique: [.int(1), .int(1), .int(0), .int(1)]
        case .sum, .avg, .min, .max: [.double(4), .double(10), .double(1), .null]
        }
        #expect(groups.map { $0["value"] ?? .string("missing") } == expected)
    }

    @Test func countGroupedWithoutAField() throws {
        let json = try render([MetricConfig(aggregate: .count, groupBy: ["provider"])])
        #expect(json["metrics"]?["count"]?["groups"]?.arrayValue?.map { $0["value"] } == [.int(2), .int(2)])
    }

    @Test func timestampIsTheRunTimeAndCollectionInfoTheCatalogs() throws {
        let json = try render([MetricConfig(aggregate: .count)], timestamp: true, info: true)
        #expect(json["timestamp"] == .int(1_787_405_405))
        let info = try #require(json["collection_info"]?.objectValue)
        #expect(info.keys == ["source", "catalog_versions", "collected_at", "input_records", "filtered_records"])
        #expect(info["catalog_versions"]?.objectValue?.keys == ["aws", "gcp"])
        #expect(info["collected_at"] == .int(1_787_356_800) && info["input_records"] == .int(10) && info["filtered_records"] == .int(4))
    }
}
