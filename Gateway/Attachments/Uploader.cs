namespace Switchboard.Gateway.Attachments;

/// <summary>Who uploaded a file: a visitor (by id) or an operator (by login). Only they may put it in a message.</summary>
public sealed record Uploader(string Kind, string Id)
{
    public const string Visitor = "visitor";
    public const string Operator = "operator";

    public static Uploader OfVisitor(string visitorId) => new(Visitor, visitorId);
    public static Uploader OfOperator(string login) => new(Operator, login);
}
