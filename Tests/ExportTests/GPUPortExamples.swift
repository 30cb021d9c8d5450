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

    /// Filters, Operators (fragment).
    static let filterOperators = #"""
        filters:
          # Equality
          - field: provider
            operator: eq                  # equals
            value: RunPod

          - field: provider
            operator: ne                  # not equals
            value: AWS

          # Comparison
          - field: price
            operator: lt                  # less than
            value: 5.0

          - field: price
            operator: gte                 # greater than or equal
            value: 1.0

          - field: price
            operator: between             # range (inclusive)
            min: 1.0
            max: 5.0

          # Set membership
          - field: availability
            operator: in
            values: [HIGH, MEDIUM]

          - field: region
            operator: not_in
            values: [deprecated-1, deprecated-2]

          # Pattern matching
          - field: region
            operator: regex
            value: "^EU-.*"

          - field: instance_type
            operator: contains
            value: "A100"

          - field: instance_type
            operator: starts_with
            value: "gpu"

          # Null checks
          - field: spot_price
            operator: is_null

          - field: spot_price
            operator: is_not_null
        """#

    /// Transformers, JSON (fragment).
    static let jsonTransformer = #"""
        transformer:
          format: json
          pretty_print: true              # Indent output (default: false)
          fields:                         # Optional field mapping
            provider: "cloud_provider"
            price: "hourly_cost"
          include_raw_data: false         # Include API raw data (default: false)
          null_handling: "null"           # "null", "omit", or "empty"
        """#

    /// Transformers, CSV (fragment).
    static let csvTransformer = #"""
        transformer:
          format: csv
          fields:                         # Required, order preserved
            provider: "Provider"
            instance_type: "Instance Type"
            price: "Price"
          include_headers: true           # Header row (default: true)
          delimiter: ","                  # Field delimiter
          null_value: ""                  # Null representation
        """#

    /// Transformers, Metrics (fragment).
    static let metricsTransformer = #"""
        transformer:
          format: metrics
          metrics:
            - name: total
              type: count

            - name: avg_price
              type: avg                   # avg, min, max, sum
              field: price

            - name: by_provider
              type: count
              group_by: provider

            - name: unique_gpus
              type: unique
              field: accelerator_name

          include_timestamp: true         # Add timestamp
          include_collection_info: false  # Add collector metadata
        """#

    /// Outputs, Local Filesystem (fragment).
    static let localOutput = #"""
        outputs:
          - type: local
            path: "./data/exports"
            filename_pattern: "gpus_{date}.json"
            create_dirs: true             # Create missing dirs (default: true)
            overwrite: false              # Overwrite files (default: false)
            compression: "none"           # "none" or "gzip"
        """#

    /// Outputs, S3-Compatible Storage (fragment).
    static let s3Output = #"""
        outputs:
          - type: s3
            bucket: "my-bucket"
            prefix: "data/"               # Optional key prefix
            region: "us-east-1"
            endpoint_url: null            # For MinIO, R2, etc.
            filename_pattern: "gpus_{timestamp}.json"
            compression: "gzip"           # "none" or "gzip"

            # Credentials from environment
            credentials:
              access_key_env: AWS_ACCESS_KEY_ID
              secret_key_env: AWS_SECRET_ACCESS_KEY
              session_token_env: AWS_SESSION_TOKEN  # Optional

            # Advanced options
            storage_class: "STANDARD"     # STANDARD, GLACIER, etc.
            server_side_encryption: null  # AES256, aws:kms
            acl: "private"                # private, public-read, etc.
            metadata:                     # Custom metadata
              pipeline: "daily-export"
        """#

    /// Outputs, HTTPS Webhooks (fragment).
    static let httpsOutput = #"""
        outputs:
          - type: https
            url: "https://api.example.com/webhooks/gpu-data"
            method: "POST"                # POST, PUT, PATCH

            # Headers support env var substitution
            headers:
              Authorization: "Bearer ${API_TOKEN}"
              Content-Type: "application/json"

            # Batching
            batch_size: 100               # Instances per request (default: all)
            batch_delay: 1.0              # Delay between batches (seconds)

            # Retry configuration
            retry_attempts: 3             # Number of retries
            retry_delay: 5                # Initial delay (seconds)
            retry_backoff: 2.0            # Backoff multiplier
            retry_on_status: [500, 502, 503, 504]

            # SSL/TLS
            verify_ssl: true              # Verify certificates
            client_cert: null             # Client cert path
            client_key: null              # Client key path

            timeout: 30                   # Request timeout (seconds)
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
