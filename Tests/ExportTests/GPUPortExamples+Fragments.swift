/// The section snippets of gpuport's export documentation that are fragments, byte for byte
/// (``GPUPortExamples/pipeline(_:around:adding:)`` wraps them into pipelines).
extension GPUPortExamples {
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
}
