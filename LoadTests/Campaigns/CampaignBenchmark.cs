using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Product;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Campaigns;

/// <summary>
/// Issue 13's measure: a campaign of <c>contacts</c> against a fake PBX whose customers pick up after 1–10 s, on a fresh
/// standalone gateway. Reports calls started per second at the configured concurrency, the most calls at once, the
/// scheduling lateness (from a line coming free to the next originate reaching the PBX) p50/p99/max, and the gateway's
/// memory (peak and final resident set).
/// </summary>
public sealed class CampaignBenchmark(int contacts, int concurrency, RepositoryPaths paths, string reportDirectory, bool build)
{
    private const string Site = "campaigns";
    private const string Password = "load-test-pass";
    private const string SigningSecret = "load-test-campaign-secret";
    private static readonly TimeSpan MinAnswer = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxAnswer = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    public async Task<string> RunAsync()
    {
        if (build)
        {
            Log("Building the gateway (Release)");
            await StandardBenchmark.BuildGatewayAsync(paths);
        }
        var data = Directory.CreateTempSubdirectory("switchboard-campaign-").FullName;
        try
        {
            await SiteProvisioner.CreateAsync(data, Site, ["op001"], Password, 1);
            // The PBX needs the gateway's address and the gateway the PBX's: the PBX starts first, its hook client is pointed later.
            var hook = new HookRelay();
            await using var pbx = await DiallingPbx.StartAsync(hook.Client, MinAnswer, MaxAnswer);
            await using var gateway = await ServerProcess.StartGatewayAsync(paths,
                [$"--Storage:DataDirectory={data}", $"--Phone:SigningSecret={SigningSecret}", $"--Phone:CommandUrl={pbx.CommandUrl}", "--Campaigns:PaceSeconds=1"],
                Path.Combine(reportDirectory, "gateway-campaign.log"));
            hook.Point(new PhoneHookClient(gateway.Target, Site, SigningSecret));
            using var logins = new LoginClient(gateway.Target);
            using var http = new HttpClient { BaseAddress = gateway.Target.Http, Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                await logins.LoginAsync(Site, SiteProvisioner.Supervisor, Password, CancellationToken.None));

            var id = await CreateAsync(http);
            var adding = Stopwatch.StartNew();
            await AddContactsAsync(http, id);
            var addSeconds = adding.Elapsed.TotalSeconds;
            Log($"{contacts} contacts added in {addSeconds:0.0} s; starting at concurrency {concurrency}");
            var running = Stopwatch.StartNew();
            (await http.PostAsync($"api/sites/{Site}/campaigns/{id}/start", null)).EnsureSuccessStatusCode();
            JsonElement counts;
            do
            {
                await Task.Delay(Poll);
                counts = (await http.GetFromJsonAsync<JsonElement>($"api/sites/{Site}/campaigns/{id}")).GetProperty("counts");
                Log($"  calling {counts.GetProperty("calling").GetInt32()}, yes {counts.GetProperty("yes").GetInt32()}, "
                    + $"failed {counts.GetProperty("failed").GetInt32()}, remaining {counts.GetProperty("remaining").GetInt32()}");
            }
            while (counts.GetProperty("remaining").GetInt32() > 0);
            var seconds = running.Elapsed.TotalSeconds;
            var memory = ProcessMemory.Of(gateway.Pid);
            var report = Describe(pbx, counts, seconds, addSeconds, memory);
            await File.WriteAllTextAsync(Path.Combine(reportDirectory, "campaign.md"), report);
            return report;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private async Task<string> CreateAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync($"api/sites/{Site}/campaigns", new
        {
            name = "Load test", kind = "order_confirmation", afterDays = 0, callingHours = new { from = "00:00", to = "23:59:59" },
            concurrency, maxAttempts = 1, retryMinutes = 10, language = "en",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The list as NDJSON, written as it is sent.</summary>
    private async Task AddContactsAsync(HttpClient http, string id)
    {
        var content = new PushContent(async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            for (var row = 1; row <= contacts; row++)
            {
                var number = row.ToString("D7", CultureInfo.InvariantCulture);
                await writer.WriteLineAsync(
                    "{\"phone\":\"+7998" + number + "\",\"data\":{\"order\":\"SB-" + number + "\",\"items\":[{\"name\":\"Sofa\"}],\"deliveryDate\":\"10 December\"}}");
            }
        }, "application/x-ndjson");
        using var response = await http.PostAsync($"api/sites/{Site}/campaigns/{id}/contacts", content);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode || added.GetProperty("added").GetInt32() != contacts)
        {
            throw new InvalidOperationException($"The contacts were not all added: {added}");
        }
    }

    private string Describe(DiallingPbx pbx, JsonElement counts, double seconds, double addSeconds, ProcessMemory memory)
    {
        var originated = pbx.Originated;
        var freed = pbx.Freed;
        // Every originate after the first `concurrency` waited for a line: the k-th freed line went to originate k + concurrency.
        var lateness = Enumerable.Range(concurrency, Math.Max(0, Math.Min(originated.Count - concurrency, freed.Count)))
            .Select(i => Math.Max(0, originated[i] - freed[i - concurrency])).Order().ToList();
        var span = originated.Count > 1 ? (originated[^1] - originated[0]) / 1000 : 0;
        var meanHold = (MinAnswer + MaxAnswer).TotalSeconds / 2;
        string Percentile(double p) => lateness.Count == 0 ? "—" : lateness[(int)Math.Min(lateness.Count - 1, Math.Ceiling(p / 100 * lateness.Count) - 1)].ToString("0", CultureInfo.InvariantCulture);
        var lines = new[]
        {
            "# Robot call campaign benchmark",
            "",
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · standalone gateway (co-hosted silo, SQLite), Release, fresh data directory",
            "",
            "| figure | value |",
            "|---|---|",
            $"| contacts | {contacts:N0} (order confirmations, one attempt, added as NDJSON in {addSeconds:0.0} s) |",
            $"| configured concurrency | {concurrency} |",
            $"| customers pick up after | {MinAnswer.TotalSeconds:0}–{MaxAnswer.TotalSeconds:0} s, then press 1 and hang up |",
            $"| calls started | {originated.Count:N0} in {seconds:0} s (first to last originate {span:0} s) |",
            $"| calls started per second | **{(span > 0 ? (originated.Count - 1) / span : 0):0.0}** (the lines allow about {concurrency / meanHold:0.0}: concurrency ÷ {meanHold:0.0} s mean hold) |",
            $"| most calls at once (seen by the PBX) | {pbx.MostAtOnce} |",
            $"| scheduling lateness, line free → next originate | p50 {Percentile(50)} ms · **p99 {Percentile(99)} ms** · max {Percentile(100)} ms ({lateness.Count:N0} measured) |",
            $"| gateway memory | peak resident {memory.PeakMb:0} MB, at the end {memory.ResidentMb:0} MB |",
            $"| outcome | yes {counts.GetProperty("yes").GetInt32():N0}, failed {counts.GetProperty("failed").GetInt32():N0}; PBX-side hook failures {pbx.Failures} |",
            "",
        };
        return string.Join('\n', lines);
    }

    private static void Log(string line) => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
}
