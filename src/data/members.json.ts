// NATO's members, accession year and recognition of Kosovo (contract: loaders/contracts.ts memberSchema).
import {buildMembers} from "../../loaders/datasets.ts";
import {emitJson} from "../../loaders/emit.ts";

emitJson(buildMembers);
