namespace Switchboard.Silo.DailySummary;

/// <summary>Section <c>Smtp</c>: the mail server the daily summaries go through. No host: summaries are not sent.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary><c>StartTls</c> (the default), <c>SslOnConnect</c>, or <c>None</c> for a relay on the same host.</summary>
    public string Security { get; set; } = "StartTls";
    public string From { get; set; } = "switchboard@localhost";
    public string? UserName { get; set; }
    public string? Password { get; set; }
}
