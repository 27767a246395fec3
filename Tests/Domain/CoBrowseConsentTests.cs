using Switchboard.Domain.CoBrowsing;

namespace Switchboard.Tests.Domain;

public sealed class CoBrowseConsentTests
{
    [Fact]
    public void The_page_moves_only_after_the_visitor_accepts_and_fields_are_filled_only_after_the_second_consent()
    {
        var consent = new CoBrowseConsent();

        Assert.NotNull(consent.Judge(CoBrowseSide.Visitor, CoBrowseActions.Dom).Refusal);
        Assert.NotNull(consent.Judge(CoBrowseSide.Visitor, CoBrowseActions.Accept).Refusal); // nobody asked
        Assert.Equal(CoBrowseVerdict.Both, consent.Judge(CoBrowseSide.Operator, CoBrowseActions.Request));
        Assert.NotNull(consent.Judge(CoBrowseSide.Visitor, CoBrowseActions.Dom).Refusal);
        Assert.Equal(CoBrowseVerdict.Both, consent.Judge(CoBrowseSide.Visitor, CoBrowseActions.Accept));

        Assert.Equal(CoBrowseVerdict.Operator, consent.Judge(CoBrowseSide.Visitor, CoBrowseActions.Dom));
        Assert.Equal(CoBrowseVerdict.Visitor, consent.Judge(CoBrowseSide.Operator, CoBrowseActions.Highlight));
        Assert.NotNull(consent.Judge(CoBrowseSide.Operator, CoBrowseActions.Fill).Refusal);
        Assert.NotNull(consent.Judge(CoBrowseSide.Operator, CoBrowseActions.Dom).Refusal); // the page is the visitor's to send
        consent.Judge(CoBrowseSide.Operator, CoBrowseActions.RequestControl);
        Assert.NotNull(consent.Judge(CoBrowseSide.Operator, CoBrowseActions.Fill).Refusal);
        consent.Judge(CoBrowseSide.Visitor, CoBrowseActions.AllowControl);
        Assert.Equal(CoBrowseVerdict.Visitor, consent.Judge(CoBrowseSide.Operator, CoBrowseActions.Fill));
    }

    [Fact]
    public void A_declined_or_stopped_session_starts_over_without_the_fill_consent()
    {
        var consent = new CoBrowseConsent();
        consent.Judge(CoBrowseSide.Operator, CoBrowseActions.Request);
        consent.Judge(CoBrowseSide.Visitor, CoBrowseActions.Decline);
        Assert.Equal(CoBrowseStage.Off, consent.Stage);

        consent.Judge(CoBrowseSide.Operator, CoBrowseActions.Request);
        consent.Judge(CoBrowseSide.Visitor, CoBrowseActions.Accept);
        consent.Judge(CoBrowseSide.Operator, CoBrowseActions.RequestControl);
        consent.Judge(CoBrowseSide.Visitor, CoBrowseActions.AllowControl);
        Assert.Equal(CoBrowseVerdict.Both, consent.Judge(CoBrowseSide.Visitor, CoBrowseActions.Stop));
        Assert.NotNull(consent.Judge(CoBrowseSide.Visitor, CoBrowseActions.View).Refusal);

        consent.Judge(CoBrowseSide.Operator, CoBrowseActions.Request);
        consent.Judge(CoBrowseSide.Visitor, CoBrowseActions.Accept);
        Assert.False(consent.ControlAllowed);
        Assert.True(consent.End());
        Assert.False(consent.End());
        Assert.NotNull(consent.Judge(CoBrowseSide.Operator, CoBrowseActions.Stop).Refusal);
    }
}
