package com.catalogimage.console.rest;

import com.catalogimage.chat.ChatException;
import com.catalogimage.chat.ChatModel;
import com.catalogimage.chat.PromptIdeas;
import com.catalogimage.console.client.ScannerAnswers;
import com.catalogimage.console.client.ScannerClient;
import com.catalogimage.console.config.ConsoleConfig;
import com.catalogimage.console.messaging.CategoryTemplateFollower;
import com.catalogimage.console.messaging.CategoryTemplatePublisher;
import com.catalogimage.console.security.ConsoleRoles;
import com.catalogimage.console.service.ChatSpend;
import com.catalogimage.console.service.Playground;
import com.catalogimage.contracts.CategoryTemplate;
import com.catalogimage.contracts.OperatorText;
import com.catalogimage.contracts.Product;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The playground: pick a category (or a product), let the chat model suggest catalog-photography templates, edit one,
 * preview it on a few of the category's products ({@code POST /generations} with {@code preview: true}, from
 * {@code /static/playground.js}, shown as they arrive), then make it the category's template ({@code category-templates},
 * which the generator follows) or revert the category to the configured template. Viewers look; suggesting, previewing
 * and publishing cost money or change the pipeline, so they are for operators.
 */
@Path("/playground")
@RolesAllowed(ConsoleRoles.VIEWER)
public class PlaygroundPage {

    private static final Logger LOG = Logger.getLogger(PlaygroundPage.class);
    private static final String PAGE = "/playground";
    /** How many ideas one suggestion asks for (the chat model takes 1 to 6). */
    static final int IDEAS = 4;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance playground(List<String> categories, String category, Long productId,
                List<Playground.Choice> products, String current, List<Playground.Idea> ideas, String ideasMessage,
                List<CategoryTemplate> templates, int previewProducts, boolean caughtUp);
    }

    private final Playground playground;
    private final CategoryTemplateFollower templates;
    private final CategoryTemplatePublisher publisher;
    private final Instance<ChatModel> chat;
    private final ChatSpend spend;
    private final ScannerClient scanner;
    private final SecurityIdentity identity;
    private final int previewProducts;

    public PlaygroundPage(Playground playground, CategoryTemplateFollower templates, CategoryTemplatePublisher publisher,
            Instance<ChatModel> chat, ChatSpend spend, @RestClient ScannerClient scanner, SecurityIdentity identity, ConsoleConfig config) {
        this.playground = playground;
        this.templates = templates;
        this.publisher = publisher;
        this.chat = chat;
        this.spend = spend;
        this.scanner = scanner;
        this.identity = identity;
        this.previewProducts = config.generations().previewProducts();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestQuery String category) {
        return render(blankToNull(category), null, List.of(), null);
    }

    /** Suggests templates for the category, optionally shaped by one product (its name, description and tags). */
    @POST
    @Path("/ideas")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public TemplateInstance ideas(@RestForm String category, @RestForm String productId) {
        String chosen = blankToNull(category);
        Long id = parseId(productId);
        Product example = null;
        if (id != null) {
            try {
                example = scanner.product(id).product();
                chosen = chosen == null ? example.categoryName() : chosen;
            } catch (RuntimeException e) {
                return render(chosen, id, List.of(), "Product " + id + " not read: " + ScannerAnswers.message(e));
            }
        }
        if (chosen == null) {
            return render(null, id, List.of(), "Choose a category or a product first.");
        }
        if (!chat.isResolvable()) {
            return render(chosen, id, List.of(), "No chat model is configured (CHAT_ENDPOINT): no suggestions.");
        }
        var overBudget = spend.refusal();
        if (overBudget.isPresent()) {
            return render(chosen, id, List.of(), "No suggestions: " + overBudget.get());
        }
        try {
            PromptIdeas ideas = chat.get().ideas(chosen, example, IDEAS);
            spend.record(ChatSpend.IDEAS, ideas.usage());
            LOG.infof("Template ideas for %s by %s: %d", chosen, user(), ideas.ideas().size());
            return render(chosen, id, ideas.ideas(), ideas.ideas().isEmpty() ? "The chat model suggested nothing." : null);
        } catch (ChatException e) {
            LOG.infof("Template ideas for %s not suggested: %s", chosen, e.getMessage());
            return render(chosen, id, List.of(), "No suggestions: the chat model failed (" + e.failureClass() + ").");
        } catch (RuntimeException e) {
            LOG.warnf("Template ideas for %s not suggested: %s", chosen, e.toString());
            return render(chosen, id, List.of(), "No suggestions: the chat model is not available.");
        }
    }

    /** Makes the template the category's: the generator uses it for the category's products without an override. */
    @POST
    @Path("/template")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public Response makeTemplate(@RestForm String category, @RestForm String template) {
        String chosen = blankToNull(category);
        String clean = OperatorText.prompt(template);
        if (chosen == null || clean == null) {
            return Redirects.seeOther(PAGE, "Nothing published: a category and a template are needed.");
        }
        if (!clean.contains("{name}")) {
            return Redirects.seeOther(PAGE, "Nothing published: a template must name the product with {name}.");
        }
        return publish(new CategoryTemplate(chosen.strip(), clean, user(), Instant.now()),
                "Published the template of " + chosen.strip() + ".");
    }

    /** Returns the category to the configured template. */
    @POST
    @Path("/revert")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public Response revert(@RestForm String category) {
        String chosen = blankToNull(category);
        if (chosen == null) {
            return Redirects.seeOther(PAGE, "Nothing reverted: no category given.");
        }
        return publish(new CategoryTemplate(chosen.strip(), null, user(), Instant.now()),
                chosen.strip() + " uses the configured template again.");
    }

    private Response publish(CategoryTemplate template, String done) {
        try {
            publisher.write(template);
            LOG.infof("Category %s: template %s by %s", template.category(),
                    template.template() == null ? "reverted to the configured one" : "published", template.author());
            return Redirects.seeOther(PAGE, done);
        } catch (RuntimeException e) {
            LOG.warnf("Category %s: template not written: %s", template.category(), e.toString());
            return Redirects.seeOther(PAGE, "Not published: Kafka did not take it. Try again.");
        }
    }

    private TemplateInstance render(String category, Long productId, List<PromptIdeas.Idea> ideas, String message) {
        String chosen = playground.canonical(category);
        return Templates.playground(playground.categories(), chosen, productId, playground.products(chosen),
                playground.template(chosen), ideas.stream().map(idea -> new Playground.Idea(idea.name(), idea.style(),
                        idea.template())).toList(), message, templates.current(), previewProducts, templates.caughtUp());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Long parseId(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
