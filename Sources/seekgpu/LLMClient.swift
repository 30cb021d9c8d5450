import Deploy
import Foundation
import NetKit

/// The optional LLM analysis of `recommend --repo`: `SEEKGPU_LLM_URL` (an OpenAI-compatible base URL, or its
/// `/chat/completions`), `SEEKGPU_LLM_MODEL` (default `gpt-4o-mini`), `SEEKGPU_LLM_API_KEY` (sent as a Bearer token,
/// never printed), `SEEKGPU_LLM_TIMEOUT` (seconds, default 30). Any failure returns the reason, and the heuristics
/// are used.
struct LLMClient {
    var url: String
    var model: String
    var apiKey: String?
    var timeout: Double

    /// The client the environment configures, nil when `SEEKGPU_LLM_URL` is unset or empty.
    init?(environment: [String: String]) {
        guard let base = environment["SEEKGPU_LLM_URL"], !base.isEmpty else { return nil }
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        url = trimmed.hasSuffix("/chat/completions") ? trimmed : trimmed + "/chat/completions"
        model = environment["SEEKGPU_LLM_MODEL"].flatMap { $0.isEmpty ? nil : $0 } ?? "gpt-4o-mini"
        apiKey = environment["SEEKGPU_LLM_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        timeout = environment["SEEKGPU_LLM_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 30
    }

    /// Asks the model about `repo`; the answer passed the guardrails, or the reason it was not used.
    func analyse(_ repo: RepoFiles, gpuNames: [String], gpuName: (String) -> String?) -> Result<LLMOverride.Answer, LLMOverride.Rejection> {
        var request = HTTPRequest(method: "POST", url: url,
                                  headers: [("Content-Type", "application/json"), ("Accept", "application/json")],
                                  body: LLMOverride.requestBody(model: model, repo: repo, gpuNames: gpuNames))
        request.timeout = timeout
        if let apiKey { request.setHeader("Authorization", "Bearer \(apiKey)") }
        do {
            let client = try HTTPClient(configuration: HTTPClient.Configuration(connectTimeout: min(10, timeout),
                                                                                totalTimeout: timeout))
            let response = try client.send(request)
            guard (200..<300).contains(response.status) else {
                return .failure(LLMOverride.Rejection("\(url) answered HTTP \(response.status)"))
            }
            return LLMOverride.answer(response.body, gpuName: gpuName)
        } catch {
            return .failure(LLMOverride.Rejection("\(url) could not be asked: \(Self.redacted("\(error)", apiKey))"))
        }
    }

    /// `text` with the key replaced, should an error ever quote a header.
    static func redacted(_ text: String, _ key: String?) -> String {
        guard let key, !key.isEmpty else { return text }
        return text.replacingOccurrences(of: key, with: "***")
    }
}
