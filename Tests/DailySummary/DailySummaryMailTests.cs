using Switchboard.Grains.DailySummary;
using Switchboard.Silo.DailySummary;

namespace Switchboard.Tests.DailySummary;

/// <summary>The daily summary leaves over SMTP with the day's figures, as a supervisor's mail client receives it.</summary>
public sealed class DailySummaryMailTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Fact]
    public async Task The_summary_reaches_every_recipient_through_the_mail_server_with_each_queues_figures_and_the_totals()
    {
        using var smtp = SmtpReceiver.Start();
        var mailer = new SmtpSummaryMailer(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None", From = "reports@shop.example" });
        IReadOnlyList<SummaryFigures> queues =
        [
            new("General", Answered: 40, AnsweredWithinTarget: 30, Unanswered: 10, Missed: 3, AverageFirstResponseSeconds: 20, Ratings: 10, Satisfied: 8),
            new("Stylist", Answered: 10, AnsweredWithinTarget: 10, Unanswered: 0, Missed: 0, AverageFirstResponseSeconds: 70, Ratings: 0, Satisfied: 0),
        ];

        await mailer.SendAsync(["head@shop.example", "lead@shop.example"], SummaryMail.Subject("Test shop", Day), SummaryMail.Text("Test shop", Day, queues), CancellationToken.None);
        var mail = await smtp.Next("the summary");

        Assert.Equal("Test shop: chats on 2026-11-23", mail.Subject);
        Assert.Equal(["head@shop.example", "lead@shop.example"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("reports@shop.example", mail.From.Mailboxes.Single().Address);
        var lines = mail.TextBody!.Split('\n');
        Assert.Contains("General: answered 40, unanswered 10, missed by operators 3, service level 60%, first response 20 s on average, CSAT 80% of 10 ratings", lines);
        Assert.Contains("Stylist: answered 10, unanswered 0, missed by operators 0, service level 100%, first response 70 s on average, CSAT n/a of 0 ratings", lines);
        // Totals weigh each queue's average by its answered chats: (40×20 + 10×70) / 50 = 30.
        Assert.Contains("All queues: answered 50, unanswered 10, missed by operators 3, service level 67%, first response 30 s on average, CSAT 80% of 10 ratings", lines);
    }

    [Fact]
    public async Task Without_a_mail_server_configured_sending_fails_saying_so()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new SmtpSummaryMailer(new SmtpOptions()).SendAsync(["head@shop.example"], "s", "t", CancellationToken.None));

        Assert.Contains("Smtp:Host", error.Message);
    }
}
