import ConfigKit
import Export
import Testing

@Suite struct ConfigValidationTests {
    @Test func aFullConfigurationDecodesToTypedValues() throws {
        let config = try ExportConfig.load(yaml: """
            pipelines:
              - name: eu
                filters:
                  - {field: price, operator: between, min: 1, max: 4}
                  - {field: provider, operator: in, values: [aws, gcp]}
                  - {field: quantity, operator: is_null}
                transformer:
                  type: csv
                  fields: [provider, {price: USD}]
                  delimiter: ";"
                outputs:
                  - {type: local, path: out, filename_pattern: "eu-{date}.csv", compression: gzip}
                  - type: s3
                    bucket: my-bucket
                    filename_pattern: "{date}.csv"
                    credentials: {access_key_env: KEY, secret_key_env: SECRET, session_token_env: TOKEN}
                    metadata: {Source: seekgpu}
                    storage_class: STANDARD_IA
                  - type: https
                    url: https://example.com/hook
                    method: put
                    headers: {Authorization: "Bearer ${HOOK_TOKEN}"}
                    batch_size: 50
                    retry_on_status: [503]
                    client_cert: c.pem
                    client_key: k.pem
              - name: off
                enabled: false
                transformer: {type: json, null_handling: null, fields: {price: usd}}
                outputs: [{type: local, path: out, filename_pattern: x.json}]
            """)
        #expect(config.pipelines.count == 2)
        let eu = config.pipelines[0]
        #expect(eu.enabled && eu.filters == [FilterConfig(field: "price", condition: .between(min: 1, max: 4)),
                                             FilterConfig(field: "provider", condition: .isIn([.text("aws"), .text("gcp")])),
                                             FilterConfig(field: "quantity", condition: .isNull)])
        #expect(eu.transformer == .csv(CSVTransformerOptions(columns: [.init(field: "provider"), .init(field: "price", header: "USD")],
                                                              delimiter: ";")))
        #expect(eu.outputs[0] == .local(LocalOutputConfig(path: "out", filenamePattern: "eu-{date}.csv", compression: .gzip)))
        guard case .s3(let s3) = eu.outputs[1], case .https(let https) = eu.outputs[2] else {
            Issue.record("outputs decoded as \(eu.outputs)")
            return
        }
        #expect(s3.accessKeyEnv == "KEY" && s3.secretKeyEnv == "SECRET" && s3.sessionTokenEnv == "TOKEN"
                && s3.metadata == ["source": "seekgpu"] && s3.storageClass == "STANDARD_IA" && s3.region == nil)
        #expect(https.method == .PUT && https.batchSize == 50 && https.retryOnStatus == [503] && https.clientKey == "k.pem")
        #expect(eu.outputs[1].secretEnvironmentNames == ["KEY", "SECRET", "TOKEN"])
        #expect(eu.outputs[2].secretEnvironmentNames == ["HOOK_TOKEN"])
        #expect(!config.pipelines[1].enabled)
        #expect(config.pipelines[1].transformer == .json(JSONTransformerOptions(fields: [.init(field: "price", key: "usd")],
                                                                                nullHandling: .null)))
    }

    /// Broken configurations: each must yield a problem at this line and column whose message contains the text.
    static let broken: [(String, yaml: String, line: Int, column: Int, contains: String)] = [
        ("unknown key", """
            pipelines:
              - name: a
                transformer: {type: json}
                outputs:
                  - type: local
                    path: out
                    filename_pattern: x.json
                    compresion: gzip
            """, 8, 9, "unknown key 'compresion' in pipeline 'a': outputs[0] (local); did you mean 'compression'?"),
        ("missing name", "pipelines:\n  - transformer: {type: json}\n    outputs: [{type: local, path: o, filename_pattern: x}]\n",
         2, 5, "pipelines[0] needs 'name'"),
        ("enabled not a boolean", "pipelines:\n  - name: a\n    enabled: yes please\n    transformer: {type: json}\n"
         + "    outputs: [{type: local, path: o, filename_pattern: x}]\n", 3, 14, "enabled must be true or false"),
        ("unknown format", "pipelines:\n  - name: a\n    transformer: {format: metric, metrics: [{type: count}]}\n"
         + "    outputs: [{type: local, path: o, filename_pattern: x}]\n", 3, 27,
         "unknown format 'metric'; did you mean 'metrics'? (formats: json, csv, metrics)"),
        ("csv without fields", "pipelines:\n  - name: a\n    transformer: {type: csv, delimiter: ','}\n"
         + "    outputs: [{type: local, path: o, filename_pattern: x}]\n", 3, 18, "needs 'fields'"),
        ("between without max", "pipelines:\n  - name: a\n    filters:\n      - {field: price, operator: between, min: 1}\n"
         + "    transformer: {type: json}\n    outputs: [{type: local, path: o, filename_pattern: x}]\n", 4, 9,
         "operator 'between' needs 'max'"),
        ("min above max", "pipelines:\n  - name: a\n    filters:\n      - {field: price, operator: between, min: 5, max: 1}\n"
         + "    transformer: {type: json}\n    outputs: [{type: local, path: o, filename_pattern: x}]\n", 4, 48,
         "min 5.0 is greater than max 1.0"),
        ("in without values", "pipelines:\n  - name: a\n    filters:\n      - {field: provider, operator: in, value: aws}\n"
         + "    transformer: {type: json}\n    outputs: [{type: local, path: o, filename_pattern: x}]\n", 4, 41,
         "'value' does not apply to operator 'in'"),
        ("bad regex", "pipelines:\n  - name: a\n    filters:\n      - {field: region, operator: regex, value: '(eu'}\n"
         + "    transformer: {type: json}\n    outputs: [{type: local, path: o, filename_pattern: x}]\n", 4, 49,
         "does not compile"),
        ("unknown filter field", "pipelines:\n  - name: a\n    filters:\n      - {field: prise, operator: eq, value: 1}\n"
         + "    transformer: {type: json}\n    outputs: [{type: local, path: o, filename_pattern: x}]\n", 4, 17,
         "unknown field 'prise'; did you mean 'price'?"),
        ("text operator on a number", "pipelines:\n  - name: a\n    filters:\n      - {field: price, operator: contains, value: '1'}\n"
         + "    transformer: {type: json}\n    outputs: [{type: local, path: o, filename_pattern: x}]\n", 4, 34,
         "matches text, but 'price' is a number"),
        ("unknown group_by field", "pipelines:\n  - name: a\n    transformer:\n      type: metrics\n      metrics:\n"
         + "        - {type: count, group_by: [provider, gpu]}\n    outputs: [{type: local, path: o, filename_pattern: x}]\n",
         6, 46, "unknown field 'gpu'"),
        ("unknown csv field", "pipelines:\n  - name: a\n    transformer: {type: csv, fields: [provider, cost]}\n"
         + "    outputs: [{type: local, path: o, filename_pattern: x}]\n", 3, 49, "unknown field 'cost'"),
        ("duplicate pipeline names", "pipelines:\n  - name: a\n    transformer: {type: json}\n"
         + "    outputs: [{type: local, path: o, filename_pattern: x}]\n  - name: a\n    transformer: {type: json}\n"
         + "    outputs: [{type: local, path: o, filename_pattern: y}]\n", 5, 11, "pipeline name 'a' is used twice"),
        ("batch_size below 1", "pipelines:\n  - name: a\n    transformer: {type: json}\n"
         + "    outputs: [{type: https, url: 'https://h/x', batch_size: 0}]\n", 4, 61, "batch_size must be at least 1"),
        ("batches of a summary", "pipelines:\n  - name: a\n    transformer: {type: metrics, metrics: [{type: count}]}\n"
         + "    outputs: [{type: https, url: 'https://h/x', batch_size: 10}]\n", 4, 61, "cannot be split into batches"),
        ("unknown placeholder", "pipelines:\n  - name: a\n    transformer: {type: json}\n"
         + "    outputs: [{type: local, path: o, filename_pattern: 'x-{week}.json'}]\n", 4, 56, "unknown placeholder {week}"),
        ("unknown output type", "pipelines:\n  - name: a\n    transformer: {type: json}\n"
         + "    outputs: [{type: ftp, path: o}]\n", 4, 22, "unknown type 'ftp'"),
        ("wrong credentials key", "pipelines:\n  - name: a\n    transformer: {type: json}\n    outputs:\n      - type: s3\n"
         + "        bucket: b-1\n        filename_pattern: x\n        credentials: {access_key: AKIA}\n", 8, 23,
         "unknown key 'access_key'"),
        ("avg of text", "pipelines:\n  - name: a\n    transformer: {type: metrics, metrics: [{type: avg, field: region}]}\n"
         + "    outputs: [{type: local, path: o, filename_pattern: x}]\n", 3, 63, "needs a numeric field"),
        ("bad null handling", "pipelines:\n  - name: a\n    transformer: {type: json, null_handling: skip}\n"
         + "    outputs: [{type: local, path: o, filename_pattern: x}]\n", 3, 46, "null_handling must be one of null, omit, empty"),
        ("YAML syntax", "pipelines:\n  - name: a\n    transformer: {type: json\n", 4, 1, "not valid YAML"),
        ("not a list", "pipelines: {name: a}\n", 1, 12, "pipelines must be a list"),
    ]

    @Test(arguments: broken.indices)
    func aBrokenConfigurationNamesLineAndColumn(index: Int) {
        let (name, yaml, line, column, text) = Self.broken[index]
        let problems = ExportConfig.validate(yaml: yaml)
        #expect(problems.contains { $0.line == line && $0.column == column && $0.message.contains(text) },
                "\(name): \(problems.map(\.description))")
        #expect(throws: ConfigFileError.self) { try ExportConfig.load(yaml: yaml) }
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let problems = ExportConfig.validate(yaml: """
            pipelines:
              - name: a
                filters: [{field: x, operator: eq, value: 1}]
                transformer: {type: csv}
                outputs: [{type: local, path: o, filename_pattern: x, overwrite: maybe}]
              - name: b
                transformer: {type: xml}
                outputs: [{type: https, url: 'ftp://h'}]
            """)
        #expect(problems.map(\.line) == [3, 4, 5, 7, 8])
        #expect(problems[0].formatted(file: "export.yaml").hasPrefix("export.yaml:3:23: "))
    }

    @Test func validCombinationsAreAccepted() {
        // gzip with metrics, overwrite with a fixed name, https without batching for a summary.
        #expect(ExportConfig.validate(yaml: """
            pipelines:
              - name: m
                transformer: {type: metrics, metrics: [{type: count}, {type: unique, field: provider, name: providers}]}
                outputs:
                  - {type: local, path: o, filename_pattern: m.json.gz, compression: gzip, overwrite: true}
                  - {type: https, url: 'http://127.0.0.1:9/x'}
            """) == [])
    }
}
