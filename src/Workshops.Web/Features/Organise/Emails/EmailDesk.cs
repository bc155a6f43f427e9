using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;

namespace Workshops.Web.Features.Organise.Emails;

/// <summary>Organisers' wording of the emails the site sends: previewed with each email's example values, saved, or reset to ours.</summary>
public sealed class EmailDesk(AppDbContext db, TemplateMail mail, TimeProvider clock)
{
    /// <summary>The wording with the email's example values; a placeholder the email does not have, or broken syntax, is refused.</summary>
    public EditResult<RenderedEmail> Preview(EditableEmail email, string subject, string body)
    {
        try
        {
            return EditResult<RenderedEmail>.Ok(mail.Render(subject, body, email.ExampleValues));
        }
        catch (DomainException e)
        {
            return EditResult<RenderedEmail>.Refused(e);
        }
    }

    public async Task<EditResult<RenderedEmail>> SaveAsync(EditableEmail email, string subject, string body, string? byUserId, CancellationToken ct)
    {
        var preview = Preview(email, subject, body);
        if (!preview.Succeeded) return preview;
        // The wording of the language the organiser is writing in (the page's); the other languages' stay as they are.
        var language = Tr.Language;
        var template = await db.EmailTemplates.FirstOrDefaultAsync(t => t.Key == email.Key && t.Language == language, ct);
        if (template is null) db.EmailTemplates.Add(template = new EmailTemplate(email.Key, language));
        template.Change(subject, body, byUserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return preview;
    }

    /// <summary>Back to the built-in wording in the language the organiser is writing in: that language's row goes.</summary>
    public async Task<EditResult> ResetAsync(EditableEmail email, CancellationToken ct)
    {
        var language = Tr.Language;
        await db.EmailTemplates.Where(t => t.Key == email.Key && t.Language == language).ExecuteDeleteAsync(ct);
        return EditResult.Ok();
    }
}
