import Foundation
import TestSupport

/// Every YAML example of gpuport's export documentation (`shared/docs/peers/gpuport-export-pipelines.md`), byte for
/// byte as the documentation has it; ``verbatimInDocumentation`` checks that against the file. The section snippets
/// that are fragments (`filters:`, `transformer:`, `outputs:` alone) are run through ``pipeline(_:around:adding:)``,
/// which adds only the enclosing `pipelines: - name:` and the transformer or outputs they lack.
enum GPUPortExamples {
    /// Quick Start.
    static let quickStart = #"""
        pipelines:
          - name: daily-export
            filters:
              - field: availability
                operator: ne
                value: NOT_AVAILABLE
            transformer:
              format: json
              pretty_print: true
            outputs:
              - type: local
                path: ./data
                filename_pattern: "gpus_{date}.json"
        """#

    /// Configuration, Basic Pipeline (a skeleton).
    static let basicPipeline = #"""
        pipelines:
          - name: pipeline-name           # Required
            enabled: true                 # Optional (default: true)
            filters: []                   # Optional filter conditions
            transformer: {}               # Required transformer config
            outputs: []                   # Required output destinations
        """#

    /// Configuration, Multiple Pipelines.
    static let multiplePipelines = #"""
        pipelines:
          # Full export
          - name: full-data
            transformer:
              format: json
            outputs:
              - type: local
                path: ./exports
                filename_pattern: "full_{timestamp}.json"

          # Expensive GPUs only
          - name: expensive-gpus
            filters:
              - field: price
                operator: gte
                value: 10.0
            transformer:
              format: csv
              fields:
                provider: "Provider"
                price: "Price ($/hr)"
            outputs:
              - type: local
                path: ./reports
                filename_pattern: "expensive_{date}.csv"
        """#

    /// Complete Example.
    static let completeExample = #"""
        pipelines:
          # High-availability GPUs to S3
          - name: production-export
            filters:
              - field: availability
                operator: in
                values: [HIGH, MEDIUM]
              - field: price
                operator: lt
                value: 10.0

            transformer:
              format: json
              fields:
                provider: Provider
                accelerator_name: GPU
                price: PricePerHour
              pretty_print: true

            outputs:
              - type: s3
                bucket: "gpu-data-prod"
                prefix: "high-availability/"
                region: "us-east-1"
                filename_pattern: "{date}/gpus_{time}.json.gz"
                compression: "gzip"
                credentials:
                  access_key_env: AWS_ACCESS_KEY_ID
                  secret_key_env: AWS_SECRET_ACCESS_KEY

              - type: local
                path: "./backups"
                filename_pattern: "backup_{timestamp}.json"

          # EU regions CSV report
          - name: eu-regions-report
            filters:
              - field: region
                operator: regex
                value: "^eu-.*"

            transformer:
              format: csv
              fields:
                provider: Provider
                instance_type: Instance
                region: Region
                price: Price
              include_headers: true

            outputs:
              - type: local
                path: "./reports"
                filename_pattern: "eu-gpus_{date}.csv"

          # Daily metrics to webhook
          - name: daily-metrics
            transformer:
              format: metrics
              metrics:
                - name: total_instances
                  type: count
                - name: avg_price
                  type: avg
                  field: price
                - name: providers
                  type: unique
                  field: provider
              include_timestamp: true

            outputs:
              - type: https
                url: "https://metrics.example.com/api/gpu-stats"
                headers:
                  Authorization: "Bearer ${METRICS_API_TOKEN}"
                retry_attempts: 3
        """#

    /// The examples that are complete configurations, by name.
    static let configurations: [(name: String, yaml: String)] = [
        ("Quick Start", quickStart), ("Multiple Pipelines", multiplePipelines), ("Complete Example", completeExample),
    ]

    /// The section snippets, each wrapped into the smallest pipeline around it, by name. The outputs added write
    /// under `out/`; the transformer added is `format: json`.
    static let wrappedFragments: [(name: String, yaml: String)] = [
        ("Filters, Operators", pipeline("filter-operators", around: filterOperators, adding: jsonToLocal("filters.json"))),
        ("Transformers, JSON", pipeline("json-transformer", around: jsonTransformer, adding: localFile("gpus.json"))),
        ("Transformers, CSV", pipeline("csv-transformer", around: csvTransformer, adding: localFile("gpus.csv"))),
        ("Transformers, Metrics", pipeline("metrics-transformer", around: metricsTransformer,
                                           adding: localFile("metrics.json"))),
        ("Outputs, Local Filesystem", pipeline("local-output", around: localOutput, adding: json)),
        ("Outputs, S3-Compatible Storage", pipeline("s3-output", around: s3Output, adding: json)),
        ("Outputs, HTTPS Webhooks", pipeline("https-output", around: httpsOutput, adding: json)),
    ]

    /// Every example as it is in the documentation (fragments unwrapped), for the verbatim check.
    static let verbatim = [quickStart, basicPipeline, multiplePipelines, filterOperators, jsonTransformer, csvTransformer,
                           metricsTransformer, localOutput, s3Output, httpsOutput, completeExample]

    /// `fragment` as the only content of one pipeline named `name`, with `rest` (keys the fragment lacks) after it:
    /// the fragment's lines are indented under the pipeline item, their only change.
    static func pipeline(_ name: String, around fragment: String, adding rest: String) -> String {
        func indented(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        }
        return "pipelines:\n  - name: \(name)\n" + indented(fragment) + "\n" + indented(rest) + "\n"
    }

    /// The transformer added to an outputs fragment.
    static let json = "transformer:\n  format: json"

    /// The output added to a transformer fragment: a local file `out/NAME`.
    static func localFile(_ name: String) -> String {
        "outputs:\n  - type: local\n    path: out\n    filename_pattern: \(name)"
    }

    /// The transformer and output added to the filters fragment.
    static func jsonToLocal(_ name: String) -> String { json + "\n" + localFile(name) }

    /// gpuport's export documentation.
    static var documentation: String {
        get throws {
            let url = Fixtures.sharedData.deletingLastPathComponent()
                .appendingPathComponent("docs/peers/gpuport-export-pipelines.md")
            return try String(contentsOf: url, encoding: .utf8)
        }
    }

    /// Whether `example` is one of the documentation's ```` ```yaml ```` blocks, byte for byte.
    static func verbatimInDocumentation(_ example: String) throws -> Bool {
        try documentation.contains("```yaml\n" + example + "\n```\n")
    }
}
