using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Emails;

public sealed class EditModel(AppDbContext db, TemplateMail mail, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Give the email a subject."), StringLength(300, ErrorMessage = "The subject can be at most 300 characters.")]
    public string Subject { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Write the text of the email."), StringLength(20_000, ErrorMessage = "The text can be at most 20,000 characters.")]
    public string Body { get; set; } = "";

    public EditableEmail Email { get; private set; } = null!;
    public RenderedEmail? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (EditableEmails.Find(key) is not { } email) return NotFound();
        Email = email;
        (Subject, Body) = await mail.WordingAsync(email, ct);
        Preview = mail.Render(Subject, Body, email.ExampleValues);
        return Page();
    }

    public IActionResult OnPostPreview(string key)
    {
        if (EditableEmails.Find(key) is not { } email) return NotFound();
        Email = email;
        if (ModelState.IsValid) Preview = TryRender();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (EditableEmails.Find(key) is not { } email) return NotFound();
        Email = email;
        if (!ModelState.IsValid || TryRender() is null) return Page();
        var template = await db.EmailTemplates.FirstOrDefaultAsync(t => t.Key == key, ct);
        if (template is null) db.EmailTemplates.Add(template = new EmailTemplate(key));
        template.Change(Subject, Body, User.Id(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData[Flash.Key] = $"The wording of “{email.Name}” is saved; the next emails use it.";
        return Redirect($"/organise/emails/{key}");
    }

    public async Task<IActionResult> OnPostResetAsync(string key, CancellationToken ct)
    {
        if (EditableEmails.Find(key) is not { } email) return NotFound();
        await db.EmailTemplates.Where(t => t.Key == key).ExecuteDeleteAsync(ct);
        TempData[Flash.Key] = $"“{email.Name}” uses the built-in wording again.";
        return Redirect($"/organise/emails/{key}");
    }

    /// <summary>Renders with the sample values; a placeholder the email does not have, or broken syntax, becomes a field message.</summary>
    private RenderedEmail? TryRender()
    {
        try
        {
            return mail.Render(Subject, Body, Email.ExampleValues);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? "", e.Message);
            return null;
        }
    }
}
