namespace Workshops.Web.Infrastructure;

/// <summary>
/// A [Required] without a message of its own, including the one MVC adds to every non-nullable field, says so in the
/// reader's language and without a property name such as "TimeZoneId" (the message sits beside its field).
/// </summary>
public sealed class RequiredMessages : Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.IValidationMetadataProvider
{
    public void CreateValidationMetadata(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.ValidationMetadataProviderContext context)
    {
        foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<System.ComponentModel.DataAnnotations.RequiredAttribute>())
            if (required.ErrorMessage is null && required.ErrorMessageResourceName is null) required.ErrorMessage = Tr.Key("This field is required.");
    }
}
