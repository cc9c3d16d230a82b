"""The two classifier heads tried for claim-verifier.

- `cls` (default): transformers' BertForSequenceClassification: pooler (dense + tanh) on [CLS], dropout, linear.
- `mean`: mean over the non-padding pieces of the last hidden layer (the pooling all-MiniLM-L6-v2 was trained
  with as a sentence encoder), dropout, linear. Saved with `"classifier_pooling": "mean"` in config.json.

Both take input_ids/attention_mask/token_type_ids and return an object with `.logits` [batch, 3], so training,
evaluation and the ONNX export treat them alike.
"""
from __future__ import annotations

from types import SimpleNamespace

import torch
from transformers import BertModel, BertPreTrainedModel


class BertMeanPoolForSequenceClassification(BertPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.num_labels = config.num_labels
        self.bert = BertModel(config, add_pooling_layer=False)
        self.dropout = torch.nn.Dropout(config.hidden_dropout_prob)
        self.classifier = torch.nn.Linear(config.hidden_size, config.num_labels)
        self.post_init()

    def forward(self, input_ids, attention_mask, token_type_ids=None):
        hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state
        weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return SimpleNamespace(logits=self.classifier(self.dropout(pooled)))


def load_model(path: str, pooling: str | None = None, **kwargs):
    """A trained folder (pooling read from its config) or the base folder with `pooling` given (new head)."""
    import json
    from pathlib import Path

    from transformers import AutoModelForSequenceClassification

    if pooling is None:
        config = json.loads((Path(path) / "config.json").read_text())
        pooling = config.get("classifier_pooling", "cls")
    if pooling == "mean":
        model = BertMeanPoolForSequenceClassification.from_pretrained(path, **kwargs)
        model.config.classifier_pooling = "mean"
        model.config.architectures = ["BertMeanPoolForSequenceClassification"]
        return model
    return AutoModelForSequenceClassification.from_pretrained(path, **kwargs)
