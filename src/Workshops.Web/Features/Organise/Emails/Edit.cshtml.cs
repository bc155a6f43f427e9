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

public sealed class EditModel(EmailDesk desk, TemplateMail mail) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Give the email a subject."), StringLength(EmailTemplate.MaxSubject, ErrorMessage = "The subject can be at most {1} characters.")]
    public string Subject { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Write the text of the email."), StringLength(EmailTemplate.MaxBody, ErrorMessage = "The text can be at most {1:N0} characters.")]
    public string Body { get; set; } = "";

    public EditableEmail Email { get; private set; } = null!;
    public RenderedEmail? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (EditableEmails.Find(key) is not { } email) return NotFound();
        Email = email;
        (Subject, Body) = await mail.WordingAsync(email, ct);
        Preview = desk.Preview(email, Subject, Body).Value;
        return Page();
    }

    public IActionResult OnPostPreview(string key)
    {
        if (EditableEmails.Find(key) is not { } email) return NotFound();
        Email = email;
        if (ModelState.IsValid)
        {
            var preview = desk.Preview(email, Subject, Body);
            if (!Refused(preview)) Preview = preview.Value;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (EditableEmails.Find(key) is not { } email) return NotFound();
        Email = email;
        if (!ModelState.IsValid) return Page();
        if (Refused(await desk.SaveAsync(email, Subject, Body, User.Id(), ct))) return Page();
        TempData[Flash.Key] = Tr.T("The wording of “{0}” is saved; the next emails use it.", email.Name);
        return Redirect($"/organise/emails/{key}");
    }

    public async Task<IActionResult> OnPostResetAsync(string key, CancellationToken ct)
    {
        if (EditableEmails.Find(key) is not { } email) return NotFound();
        await desk.ResetAsync(email, ct);
        TempData[Flash.Key] = Tr.T("“{0}” uses the built-in wording again.", email.Name);
        return Redirect($"/organise/emails/{key}");
    }

    /// <summary>A placeholder the email does not have, or broken syntax, becomes a field message.</summary>
    private bool Refused(EditResult result)
    {
        if (result.Error is { } error) ModelState.AddModelError(result.Field ?? "", error);
        return !result.Succeeded;
    }
}
