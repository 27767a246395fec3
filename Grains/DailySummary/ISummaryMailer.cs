namespace Switchboard.Grains.DailySummary;

/// <summary>The port through which the summary leaves (SMTP in the silo). Throws when the mail server refuses it.</summary>
public interface ISummaryMailer
{
    Task SendAsync(IReadOnlyList<string> recipients, string subject, string text, CancellationToken cancellationToken);
}
