// Trust in security institutions in Kosovo, KFOR among them (not support for membership) (contract: src/lib/contracts.ts).
import {buildInstitutionTrust} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";

emitJson(buildInstitutionTrust);
