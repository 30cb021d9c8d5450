import Testing
@testable import Usage

/// vLLM's Prometheus `/metrics` text: the counters and gauges read, and tokens as counter deltas with restarts.
@Suite struct VLLMMetricsTests {
    static func page(prompt: Double, generation: Double, running: Double = 3) -> String {
        """
        # HELP vllm:num_requests_running Number of requests in model execution batches.
        # TYPE vllm:num_requests_running gauge
        vllm:num_requests_running{engine="0",model_name="Qwen/Qwen3-Coder-30B-A3B-Instruct"} \(running)
        # HELP vllm:kv_cache_usage_perc KV-cache usage. 1 means 100 percent usage.
        # TYPE vllm:kv_cache_usage_perc gauge
        vllm:kv_cache_usage_perc{engine="0",model_name="Qwen/Qwen3-Coder-30B-A3B-Instruct"} 0.4215
        # HELP vllm:prompt_tokens_total Number of prefill tokens processed.
        # TYPE vllm:prompt_tokens_total counter
        vllm:prompt_tokens_total{engine="0",model_name="Qwen/Qwen3-Coder-30B-A3B-Instruct"} \(prompt)
        # HELP vllm:generation_tokens_total Number of generation tokens processed.
        # TYPE vllm:generation_tokens_total counter
        vllm:generation_tokens_total{engine="0",model_name="Qwen/Qwen3-Coder-30B-A3B-Instruct"} \(generation)
        vllm:request_success_total{engine="0",finished_reason="stop",model_name="Qwen/Qwen3-Coder-30B-A3B-Instruct"} 12.0
        python_gc_objects_collected_total{generation="0"} 1234.0
        """
    }

    @Test func aScrapeIsRead() throws {
        let scrapes = try VLLMMetrics.parse(Self.page(prompt: 1.5e6, generation: 32_000), file: "n1.prom", node: "n1", at: 1000)
        #expect(scrapes == [VLLMScrape(nodeID: "n1", timestamp: 1000, model: "Qwen/Qwen3-Coder-30B-A3B-Instruct",
                                       promptTokensTotal: 1.5e6, generationTokensTotal: 32_000, requestsRunning: 3, kvCacheUsage: 0.4215)])
        #expect(throws: UnreadableLogError.self) {
            try VLLMMetrics.parse("# HELP up\nup 1\n", file: "x.prom", node: "n1", at: 0)
        }
    }

    @Test func tokensAreCounterDeltasAndADropIsARestart() throws {
        let s1 = try VLLMMetrics.parse(Self.page(prompt: 1000, generation: 100), file: "a", node: "n1", at: 60_000)
        let s2 = try VLLMMetrics.parse(Self.page(prompt: 5000, generation: 900), file: "b", node: "n1", at: 120_000)
        let s3 = try VLLMMetrics.parse(Self.page(prompt: 300, generation: 40), file: "c", node: "n1", at: 180_000)  // restarted
        let intervals = VLLMMetrics.intervals(s3 + s1 + s2)
        #expect(intervals.map(\.promptTokens) == [4000, 300] && intervals.map(\.generationTokens) == [800, 40])
        #expect(intervals.map(\.restarted) == [false, true])
        #expect(intervals.map(\.start) == [60_000, 120_000] && intervals.map(\.end) == [120_000, 180_000])
    }

    @Test func aScrapeFileNameGivesItsNodeAndTime() {
        let parsed = VLLMMetrics.nodeAndTime(fromFileName: "scrapes/node-3@2024-12-07T10:55:30Z.prom")
        #expect(parsed?.node == "node-3" && parsed?.timestamp == 1_733_568_930_000)
        #expect(VLLMMetrics.nodeAndTime(fromFileName: "node-3.prom") == nil)
    }

    @Test func labelValuesWithEscapesAreRead() {
        #expect(VLLMMetrics.labelSet(#"a="1",model_name="x\"y",b="""#[...]) == ["a": "1", "model_name": "x\"y", "b": ""])
    }
}
