using Switchboard.Contracts.Sites;

namespace Switchboard.Domain.Visitors;

/// <summary>A queue's pre-chat form answers: only its own fields, the required ones filled, each kept short.</summary>
public static class PreChatForm
{
    public const int MaxAnswerLength = 500;

    public static IReadOnlyDictionary<string, string>? Validate(QueueConfig queue, IReadOnlyDictionary<string, string>? answers)
    {
        if (queue.Form.Count == 0)
        {
            return null;
        }
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in queue.Form)
        {
            var answer = answers?.GetValueOrDefault(field.Id)?.Trim();
            if (string.IsNullOrEmpty(answer))
            {
                if (field.Required)
                {
                    throw SwitchboardException.BadRequest($"'{field.Label}' is required.");
                }
                continue;
            }
            kept[field.Id] = answer.Length > MaxAnswerLength ? answer[..MaxAnswerLength] : answer;
        }
        return kept;
    }

    /// <summary>
    /// The fields of a contact form posted outside the widget (docs/channels-email.md): they are the customer's own, not
    /// the queue's pre-chat questions, kept as given within the same length per answer and at most 30 of them.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Submitted(IReadOnlyDictionary<string, string>? answers) =>
        answers is not { Count: > 0 }
            ? null
            : answers.Take(30).ToDictionary(a => a.Key, a => a.Value.Length > MaxAnswerLength ? a.Value[..MaxAnswerLength] : a.Value, StringComparer.Ordinal);
}
