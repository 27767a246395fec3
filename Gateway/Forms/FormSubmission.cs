using System.Text.RegularExpressions;

namespace Switchboard.Gateway.Forms;

/// <summary>
/// A contact form's submission, from the embeddable form or a retailer's own: its fields, flat, with four that mean
/// something to us — <c>email</c>, <c>phone</c>, <c>name</c> and <c>answerBy</c> (<c>email</c> or <c>callback</c>).
/// </summary>
public sealed partial record FormSubmission(
    string Form, string AnswerBy, string? Email, string? Phone, string? Name, IReadOnlyDictionary<string, string> Fields)
{
    public const string ByEmail = "email";
    public const string ByCallback = "callback";
    public const int MaxFields = 30;
    public const int MaxKeyLength = 64;
    public const int MaxValueLength = 2000;
    private static readonly string[] Reserved = ["email", "phone", "name", "answerBy"];

    /// <summary>The submission, or the problems by field name.</summary>
    public static (FormSubmission? Submission, Dictionary<string, string[]> Problems) Read(string form, IEnumerable<KeyValuePair<string, string?>> posted)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!FormName().IsMatch(form))
        {
            problems["form"] = ["1-40 characters a-z, 0-9 and -."];
        }
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in posted)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            if (key.Length is 0 or > MaxKeyLength || value.Length > MaxValueLength)
            {
                problems[key.Length > MaxKeyLength ? key[..MaxKeyLength] : key] = [$"Names of at most {MaxKeyLength} characters, values of at most {MaxValueLength}."];
                continue;
            }
            all[key] = value.Trim();
        }
        if (all.Count > MaxFields)
        {
            problems["fields"] = [$"At most {MaxFields} fields."];
        }
        var answerBy = all.GetValueOrDefault("answerBy") ?? (all.ContainsKey("email") ? ByEmail : ByCallback);
        var email = all.GetValueOrDefault("email");
        var phone = all.GetValueOrDefault("phone");
        if (answerBy is not (ByEmail or ByCallback))
        {
            problems["answerBy"] = ["email or callback."];
        }
        if (email is not null && !(MimeKit.MailboxAddress.TryParse(email, out var address) && address.Address == email && email.Contains('@')))
        {
            problems["email"] = ["An e-mail address."];
        }
        if (answerBy == ByEmail && email is null)
        {
            problems["email"] = ["Required to be answered by e-mail."];
        }
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            problems["phone"] = ["A phone number such as +7 900 000-00-00."];
        }
        if (answerBy == ByCallback && phone is null)
        {
            problems["phone"] = ["Required to be called back."];
        }
        var fields = all.Where(f => !Reserved.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        return problems.Count > 0
            ? (null, problems)
            : (new FormSubmission(form, answerBy, email, phone, all.GetValueOrDefault("name"), fields), problems);
    }

    /// <summary>What the operator reads first: every field, one a line, and how the customer wants the answer.</summary>
    public string Text() => string.Join('\n', Fields.Select(f => $"{f.Key}: {f.Value}").Prepend($"Contact form \"{Form}\"")
        .Append(AnswerBy == ByEmail ? $"Answer by e-mail to {Email}" : $"Please call back: {Phone}"));

    /// <summary>Where a flood is counted: the customer's address.</summary>
    public string SenderKey => AnswerBy == ByEmail ? $"email:{Email!.ToLowerInvariant()}" : $"phone:{new string(Phone!.Where(char.IsAsciiDigit).ToArray())}";

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex FormName();

    /// <summary>The conversation's own rule for a callback number (ConversationGrain.RequestCallback).</summary>
    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{4,19}$")]
    private static partial Regex PhonePattern();
}
