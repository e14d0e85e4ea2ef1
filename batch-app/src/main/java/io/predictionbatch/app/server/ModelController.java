package io.predictionbatch.app.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.predictionbatch.app.task.RecordPredictor;
import io.predictionbatch.model.registry.HostedModel;
import io.predictionbatch.model.registry.ModelRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The hosted models, and a synchronous prediction of one record with the server's cached model. */
@RestController
@ConditionalOnWebApplication
@RequestMapping(path = "/api/models", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Models")
class ModelController {

    private final ModelRegistry models;
    /** Schemas are generated once per model: generating them costs far more than a prediction. */
    private final Map<String, ModelView> views = new ConcurrentHashMap<>();

    ModelController(ModelRegistry models) {
        this.models = models;
    }

    @GetMapping
    @Operation(summary = "The hosted models, with their input and output schemas")
    List<ModelView> models() {
        return models.available().stream().map(this::view).toList();
    }

    @GetMapping("/{model}")
    @Operation(summary = "One hosted model, with its input and output schemas")
    ModelView model(@PathVariable String model) {
        return view(models.get(model));
    }

    @PostMapping(path = "/{model}/predict", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Predicts one record now: 200 with the prediction, 422 with the record's violations")
    Object predict(@PathVariable String model, @RequestBody JsonNode record) {
        return RecordPredictor.predict(models.get(model), RecordBodies.requireObject(record));
    }

    private ModelView view(HostedModel<?, ?> model) {
        return views.computeIfAbsent(model.qualifiedName(), name -> ModelView.of(model));
    }
}
