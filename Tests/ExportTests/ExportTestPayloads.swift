import CSeekZlib
import Export
import Foundation

/// Hand-made records and payloads for the output tests (no transformer needed).
enum ExportTestPayloads {
    /// 2026-08-22T14:30:05Z.
    static let runTime = Date(timeIntervalSince1970: 1_787_409_005)

    /// `count` records, `aws`, `p4d.24xlarge-N`, prices N + 0.5.
    static func records(_ count: Int) -> [ExportRecord] {
        (0..<count).map { index in
            ExportRecord(provider: "aws", instanceType: "p4d.24xlarge-\(index)", acceleratorName: "A100", region: "us-east-1",
                         acceleratorCount: 8, acceleratorMemGiB: 40, quantity: nil, price: Double(index) + 0.5, spotPrice: nil,
                         vCPUs: 96, memoryGiB: 1152, availability: .high, collectedAt: 1_787_400_000)
        }
    }

    /// A JSON-lines payload: one `{"instance_type":…,"price":…}` line per record.
    static func jsonLines(_ records: [ExportRecord], summary: Bool = false) -> ExportPayload {
        ExportPayload(records: records, contentType: "application/json", fileExtension: "json", isSummary: summary) { batch in
            Array(batch.map { #"{"instance_type":"\#($0.instanceType)","price":\#($0.price ?? 0)}"# + "\n" }.joined().utf8)
        }
    }

    /// The context of a test run.
    static func context(_ environment: [String: String]) -> ExportContext {
        ExportContext(pipeline: "test", runTime: runTime, environment: environment)
    }

    /// Decompresses one gzip member; nil when the bytes are not gzip.
    static func gunzip(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard seekgpu_inflate_init_gzip(&stream) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = bytes
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output += chunk[..<(chunk.count - Int(stream.avail_out))]
                if status == Z_STREAM_END { return output }
                guard status == Z_OK else { return nil }
            }
        }
    }
}
