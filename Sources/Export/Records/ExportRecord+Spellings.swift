import Foundation

extension ExportRecord.Availability {
    /// The availability a spelling names: the documented names (`NOT_AVAILABLE`, `LOW`, `MEDIUM`, `HIGH`) or the
    /// values gpuport's records hold (`Not Available`, `Low`, `Medium`, `High`), in any case; nil for anything else.
    /// - Parameter spelling: the text, e.g. `High` or `not_available`.
    public init?(spelling: String) {
        let name = spelling.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: " ", with: "_")
        self.init(rawValue: name)
    }
}

extension ExportRecord {
    /// A provider name reduced to lowercase letters and digits, so that gpuport's display names match
    /// gpuhunt's provider ids: `RunPod` → `runpod`, `Lambda Labs` → `lambdalabs`, `AWS` → `aws`.
    /// - Parameter name: a provider name or id.
    /// - Returns: the comparison key.
    public static func providerKey(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
        }))
    }
}
