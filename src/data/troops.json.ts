// Dated KFOR figures with qualifier and kind (contract: loaders/contracts.ts troopSchema).
import {buildTroops} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";

emitJson(buildTroops);
