using System.Collections.Concurrent;
using Switchboard.Grains.DailySummary;

namespace Switchboard.Tests.Infrastructure;

/// <summary>The summary grain's mail port in the test cluster: records each summary (the SMTP side is tested against a real server).</summary>
public sealed class RecordingMailer : ISummaryMailer
{
    private readonly ConcurrentQueue<(IReadOnlyList<string> To, string Subject, string Text)> _sent = new();

    public Task SendAsync(IReadOnlyList<string> recipients, string subject, string text, CancellationToken cancellationToken)
    {
        _sent.Enqueue((recipients, subject, text));
        return Task.CompletedTask;
    }

    /// <summary>What went to <paramref name="recipient"/>, oldest first.</summary>
    public IReadOnlyList<(IReadOnlyList<string> To, string Subject, string Text)> SentTo(string recipient) =>
        _sent.Where(s => s.To.Contains(recipient)).ToList();
}
